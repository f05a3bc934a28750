package io.proposalflow.devstack;

import java.nio.file.Path;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP and IMAP server (GreenMail) on 127.0.0.1 without authentication.
 *
 * <p>Any client may send. A mail to {@code x@example.org} lands in the mailbox of the user
 * {@code x@example.org}, created on delivery; an IMAP login as {@code x@example.org} with any
 * password reads that mailbox (GreenMail creates unknown users on login when authentication is
 * disabled, and uses the address as login name).
 *
 * <p>Mail lives in memory. When started with a data directory, the inboxes are written there as
 * {@code .eml} files on {@link #close()} and delivered again on the next start; mail received
 * after an unclean stop (kill -9) is lost.
 */
public final class EmbeddedMail implements AutoCloseable {

    private final GreenMail greenMail;
    private final MailArchive archive;

    private EmbeddedMail(GreenMail greenMail, MailArchive archive) {
        this.greenMail = greenMail;
        this.archive = archive;
    }

    /** Starts an in-memory mail server; a port of 0 picks a free port. */
    public static EmbeddedMail start(int smtpPort, int imapPort) {
        return start(null, smtpPort, imapPort);
    }

    /**
     * Starts a mail server that restores the inboxes saved in {@code dataDir}, or keeps mail only in
     * memory when {@code dataDir} is null.
     */
    public static EmbeddedMail start(Path dataDir, int smtpPort, int imapPort) {
        Ports.requireFree(smtpPort, "SMTP");
        Ports.requireFree(imapPort, "IMAP");
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, Ports.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, Ports.LOOPBACK, ServerSetup.PROTOCOL_IMAP)
        }).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
            MailArchive archive = dataDir == null ? null : new MailArchive(dataDir);
            if (archive != null) {
                archive.restoreInto(greenMail);
            }
            return new EmbeddedMail(greenMail, archive);
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The GreenMail instance, for tests that wait for or inspect mail. */
    public GreenMail greenMail() {
        return greenMail;
    }

    /** Every message in every mailbox, one copy per recipient. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        try {
            if (archive != null) {
                // SMTP stops first: a mail accepted while the inboxes are written out would be lost, and an
                // inbox that grows while it is written made the whole save fail (./faults.sh lost every
                // mail since the start when it restarted the dev stack under load)
                greenMail.getSmtp().stopService();
                archive.save(greenMail);
            }
        } finally {
            greenMail.stop();
        }
    }
}
