package io.proposalflow.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Reads a mailbox of the test mail server over IMAP, as a mail client would (GreenMail without
 * authentication: log in with the address and any password).
 */
public final class Mailbox {

    /** One received mail, its plain text and HTML parts. */
    public record Mail(String subject, String from, String replyTo, String messageId, String text, String html,
            boolean multipartAlternative) {
        public String body() {
            return text + "\n" + html;
        }
    }

    private Mailbox() {
    }

    /** Every mail in the mailbox whose subject contains {@code subjectPart}. */
    public static List<Mail> read(String host, int imapPort, String address, String subjectPart) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(host, imapPort, address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    if (message.getSubject() != null && message.getSubject().contains(subjectPart)) {
                        Parts parts = new Parts();
                        parts.collect(message);
                        String replyTo = message.getReplyTo() == null ? null : message.getReplyTo()[0].toString();
                        String[] messageId = message.getHeader("Message-ID");
                        mails.add(new Mail(message.getSubject(), message.getFrom()[0].toString(), replyTo,
                                messageId == null ? null : messageId[0], parts.text, parts.html, parts.alternative));
                    }
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read the mailbox of " + address, e);
        }
    }

    private static final class Parts {
        String text;
        String html;
        boolean alternative;

        void collect(Part part) throws Exception {
            if (part.isMimeType("multipart/alternative")) {
                alternative = true;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
    }
}
