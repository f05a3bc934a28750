package io.proposalflow.systemtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Reads a recipient's inbox on the dev stack's IMAP server, as a mail client would: the dev stack
 * logs a recipient in with their address and any password.
 */
final class Mailbox {

    /** One received mail, reduced to what the stories check. */
    record Mail(String to, String subject, String text) {
    }

    private final int imapPort;

    Mailbox(int imapPort) {
        this.imapPort = imapPort;
    }

    List<Mail> read(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, "any");
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(address, message.getSubject(), plainText(message)));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            // an address nobody has written to yet has no mailbox; the caller polls again
            return List.of();
        }
    }

    /** The text/plain part of a (multipart) mail. */
    private static String plainText(Part part) throws MessagingException {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new MessagingException("could not read a mail part", e);
        }
    }
}
