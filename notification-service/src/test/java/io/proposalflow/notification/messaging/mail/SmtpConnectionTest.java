package io.proposalflow.notification.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.proposalflow.devstack.EmbeddedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The kept-open SMTP connection against a real SMTP server. */
class SmtpConnectionTest {

    @Test
    void mailsOneAfterAnotherAllArrive() throws Exception {
        try (EmbeddedMail server = EmbeddedMail.start(freePort(), freePort())) {
            JavaMailSenderImpl sender = sender(server.smtpPort());
            try (SmtpConnection connection = new SmtpConnection(sender, Duration.ofMinutes(1), Clock.systemUTC())) {
                for (int i = 0; i < 3; i++) {
                    connection.send(mail(sender, "Mail " + i));
                }
            }
            assertThat(server.receivedMessages()).extracting(MimeMessage::getSubject)
                    .containsExactly("Mail 0", "Mail 1", "Mail 2");
        }
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedWithoutLosingTheMail() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        JavaMailSenderImpl sender = sender(smtp);
        try (SmtpConnection connection = new SmtpConnection(sender, Duration.ofMinutes(1), Clock.systemUTC())) {
            try (EmbeddedMail first = EmbeddedMail.start(smtp, imap)) {
                connection.send(mail(sender, "before the restart"));
                assertThat(first.receivedMessages()).hasSize(1);
            }
            try (EmbeddedMail second = EmbeddedMail.start(smtp, imap)) {
                connection.send(mail(sender, "after the restart"));
                assertThat(second.receivedMessages()).extracting(MimeMessage::getSubject)
                        .containsExactly("after the restart");
            }
        }
    }

    @Test
    void pointingTheSenderAtAnotherServerMovesTheConnectionThere() throws Exception {
        try (EmbeddedMail a = EmbeddedMail.start(freePort(), freePort());
             EmbeddedMail b = EmbeddedMail.start(freePort(), freePort())) {
            JavaMailSenderImpl sender = sender(a.smtpPort());
            try (SmtpConnection connection = new SmtpConnection(sender, Duration.ofMinutes(1), Clock.systemUTC())) {
                connection.send(mail(sender, "to a"));
                sender.setPort(b.smtpPort());
                connection.send(mail(sender, "to b"));
            }
            assertThat(a.receivedMessages()).extracting(MimeMessage::getSubject).containsExactly("to a");
            assertThat(b.receivedMessages()).extracting(MimeMessage::getSubject).containsExactly("to b");
        }
    }

    @Test
    void noServerIsAMailSendException() throws Exception {
        JavaMailSenderImpl sender = sender(freePort());
        try (SmtpConnection connection = new SmtpConnection(sender, Duration.ofMinutes(1), Clock.systemUTC())) {
            assertThatThrownBy(() -> connection.send(mail(sender, "nobody listens")))
                    .isInstanceOf(MailSendException.class);
        }
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static MimeMessage mail(JavaMailSenderImpl sender, String subject) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress("benachrichtigung@example.org"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("anna.bergmann@example.org"));
        message.setSubject(subject);
        message.setText("Guten Tag");
        return message;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
