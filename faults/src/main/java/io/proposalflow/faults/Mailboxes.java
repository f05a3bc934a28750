package io.proposalflow.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads the recipients' inboxes on the dev stack's IMAP server, as their mail clients would (the dev
 * stack logs a recipient in with the address and any password). What arrived there is what counts:
 * not what the services think they sent.
 */
final class Mailboxes {

    /** One received mail: who has it, its subject, its Message-ID and when the server received it. */
    record Mail(String to, String subject, String messageId, long receivedAt) {
    }

    private final int imapPort;

    Mailboxes(int imapPort) {
        this.imapPort = imapPort;
    }

    List<Mail> read(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "20000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, "any");
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                // one round trip for all of them instead of several per mail
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                inbox.fetch(messages, profile);
                List<Mail> mails = new ArrayList<>();
                for (Message message : messages) {
                    java.util.Date received = message.getReceivedDate();
                    mails.add(new Mail(address, message.getSubject(), ((MimeMessage) message).getMessageID(),
                            received == null ? 0 : received.getTime()));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            // an address nobody has written to yet has no mailbox
            return List.of();
        }
    }
}
