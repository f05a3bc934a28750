package io.proposalflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMailTest {

    @TempDir
    Path dir;

    @Test
    void aMailSentOverSmtpIsReadOverImapByLoggingInAsTheRecipient() throws Exception {
        try (EmbeddedMail mail = EmbeddedMail.start(0, 0)) {
            send(mail, "reviewer@example.org", "Neuer Antrag");

            assertThat(mail.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
            assertThat(inboxSubjects(mail, "reviewer@example.org", "any password"))
                    .containsExactly("Neuer Antrag");
            assertThat(mail.receivedMessages()).hasSize(1);
        }
    }

    @Test
    void anotherRecipientDoesNotSeeTheMail() throws Exception {
        try (EmbeddedMail mail = EmbeddedMail.start(0, 0)) {
            send(mail, "reviewer@example.org", "Neuer Antrag");
            mail.greenMail().waitForIncomingEmail(5_000, 1);

            assertThat(inboxSubjects(mail, "someone-else@example.org", "x")).isEmpty();
        }
    }

    @Test
    void mailSurvivesARestartWithADataDir() throws Exception {
        try (EmbeddedMail mail = EmbeddedMail.start(dir, 0, 0)) {
            send(mail, "applicant@example.org", "Antrag eingegangen");
            mail.greenMail().waitForIncomingEmail(5_000, 1);
        }

        try (EmbeddedMail restarted = EmbeddedMail.start(dir, 0, 0)) {
            assertThat(inboxSubjects(restarted, "applicant@example.org", "secret"))
                    .containsExactly("Antrag eingegangen");
        }
        // saved again on the second close, not duplicated
        try (EmbeddedMail again = EmbeddedMail.start(dir, 0, 0)) {
            assertThat(again.receivedMessages()).hasSize(1);
        }
    }

    @Test
    void mailAcceptedWhileTheDevStackStopsIsKeptForTheNextStart() throws Exception {
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        EmbeddedMail mail = EmbeddedMail.start(dir, 0, 0);
        int senders = 4;
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < senders; i++) {
            Thread sender = new Thread(() -> {
                try {
                    while (true) {
                        send(mail, "partner@example.org", "Schritt " + accepted.get());
                        accepted.incrementAndGet();
                    }
                } catch (Exception stopped) {
                    // the server went away: what it accepted until then counts
                }
            });
            sender.start();
            threads.add(sender);
        }
        while (accepted.get() < 100) {
            Thread.sleep(5);
        }
        mail.close();
        for (Thread sender : threads) {
            sender.join(10_000);
        }

        try (EmbeddedMail restarted = EmbeddedMail.start(dir, 0, 0)) {
            // at most one more per sender: a mail stored by the server whose reply never reached its sender
            assertThat(restarted.receivedMessages().size()).isBetween(accepted.get(), accepted.get() + senders);
        }
    }

    static void send(EmbeddedMail mail, String to, String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", mail.host());
        props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("noreply@proposalflow.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText("Hallo", "UTF-8");
        Transport.send(message);
    }

    static java.util.List<String> inboxSubjects(EmbeddedMail mail, String user, String password)
            throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(mail.host(), mail.imapPort(), user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            java.util.List<String> subjects = new java.util.ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
