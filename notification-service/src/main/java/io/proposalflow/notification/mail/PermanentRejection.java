package io.proposalflow.notification.mail;

import jakarta.mail.MessagingException;


/**
 * The mail server refused this mail for good (an SMTP 5xx reply: unknown mailbox, invalid address,
 * message refused), or the mail could not even be addressed. Trying again would meet the same answer,
 * so the notification fails at once with this reason. It says nothing about the server's health: the
 * circuit breaker and the quick retries ignore it (application.yml), so one bad address among good
 * ones neither pauses all mail nor is tried again.
 */
public class PermanentRejection extends RuntimeException {

    PermanentRejection(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The permanent rejection among the causes of a failed send, if the server gave one: a 5xx reply
     * to an address, to the sender or to the message. 4xx replies, timeouts and refused connections are
     * transient and give null.
     */
    static PermanentRejection in(Throwable failure) {
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
