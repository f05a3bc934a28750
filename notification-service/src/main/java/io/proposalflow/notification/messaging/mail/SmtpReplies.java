package io.proposalflow.notification.messaging.mail;

import jakarta.mail.MessagingException;

import io.proposalflow.notification.application.PermanentRejection;

/** Tells a permanent refusal (SMTP 5xx) from a transient failure among the causes of a failed send. */
final class SmtpReplies {

    private SmtpReplies() {
    }

    /**
     * The permanent rejection among the causes of a failed send, if the server gave one: a 5xx reply
     * to an address, to the sender or to the message. 4xx replies, timeouts and refused connections are
     * transient and give null.
     */
    static PermanentRejection permanentRejectionIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            int code = replyCode(t);
            if (code >= 500 && code < 600) {
                return new PermanentRejection("the mail server refused the mail permanently (SMTP " + code + "): "
                        + t.getMessage(), failure);
            }
        }
        return null;
    }

    /**
     * The SMTP reply code of the provider's exceptions (SMTPAddressFailedException,
     * SMTPSenderFailedException, SMTPSendFailedException). They belong to the mail provider (Angus),
     * which is only on the runtime class path, so their one common method is looked up by name.
     */
    private static int replyCode(Throwable t) {
        if (!(t instanceof MessagingException)) {
            return -1;
        }
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer value ? value : -1;
        } catch (ReflectiveOperationException notAnSmtpReply) {
            return -1;
        }
    }

    /** MessagingException chains the per-address failures with getNextException, not getCause. */
    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
