package io.proposalflow.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;

/**
 * Keeps the inboxes of a GreenMail server across restarts as {@code .eml} files, in the layout
 * GreenMail's own {@code loadEmails} reads: {@code <dir>/mailboxes/<address>/INBOX/<n>.eml}.
 * Other IMAP folders and message flags are not kept.
 */
final class MailArchive {

    private final Path mailboxes;

    MailArchive(Path dataDir) {
        this.mailboxes = dataDir.toAbsolutePath().resolve("mailboxes");
    }

    void restoreInto(GreenMail greenMail) {
        if (!Files.isDirectory(mailboxes)) {
            return;
        }
        try {
            greenMail.loadEmails(mailboxes);
        } catch (IOException | FolderException e) {
            throw new IllegalStateException("Cannot restore mail from " + mailboxes, e);
        }
    }

    /** Writes a complete copy first and swaps it in, so a failed save keeps the previous one. */
    void save(GreenMail greenMail) {
        Path next = mailboxes.resolveSibling("mailboxes.next");
        Directories.deleteRecursively(next);
        try {
            for (GreenMailUser user : greenMail.getUserManager().listUser()) {
                List<StoredMessage> messages = greenMail.getManagers().getImapHostManager()
                        .getInbox(user).getMessages();
                if (messages.isEmpty()) {
                    continue;
                }
                Path inbox = Directories.create(next.resolve(user.getEmail()).resolve("INBOX"));
                int number = 1;
                for (StoredMessage message : messages) {
                    Path file = inbox.resolve(String.format("%06d.eml", number++));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        message.getMimeMessage().writeTo(out);
                    }
                }
            }
            Directories.create(next);
            Directories.deleteRecursively(mailboxes);
            Files.move(next, mailboxes, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save mail to " + mailboxes, e);
        } catch (FolderException | MessagingException e) {
            throw new IllegalStateException("Cannot save mail to " + mailboxes, e);
        }
    }
}
