package io.proposalflow.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the recipient directory, email templates and the delivery log. */
@SpringBootApplication
public class NotificationServiceApplication {

    private static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the whole class
        // path for every MimeMessage, body part and encoded header (jakartaee/mail-api#699, #861);
        // inside a Spring Boot jar that scan was half of this service's CPU. Naming the provider
        // skips the scan.
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
