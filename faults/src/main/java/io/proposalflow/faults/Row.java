package io.proposalflow.faults;

import java.util.List;
import java.util.Locale;

/** One line of the table: a run of one fault and what it left behind. */
record Row(String fault, int run, int proposals, int completed, MailCount mails, int duplicateCases,
           int doubleTransitions, long deadLetters, List<String> unhealthy, List<String> idle, double downSeconds,
           double healthySeconds, double drainedSeconds, List<String> notes, boolean resendsTolerated) {

    static final String HEADER = String.format(Locale.ROOT,
            "%-22s %3s %9s %6s %6s %5s %5s %7s %6s %6s %5s %9s %4s %6s %9s %9s",
            "fault", "run", "completed", "mails", "recv", "lost", "dup", "same-id", "cases2", "trans2", "dlt",
            "unhealthy", "idle", "down_s", "healthy_s", "drained_s");

    /**
     * Nothing lost, unfinished or twice. With {@code resendsTolerated} (a run that killed notification-service,
     * started with {@code --tolerate-resends-after-kill}) a mail repeated with its own Message-ID does not
     * fail the run: the repeat a crash between the server's acceptance and the sent-record leaves
     * (docs/architecture.md). It is still counted and shown.
     */
    boolean clean() {
        int tolerated = resendsTolerated ? mails.sameMessageId() : 0;
        return completed == proposals && mails.lost() == 0 && mails.duplicated() - tolerated == 0 && duplicateCases == 0
                && doubleTransitions == 0 && deadLetters == 0 && unhealthy.isEmpty() && idle.isEmpty();
    }

    String line() {
        return String.format(Locale.ROOT, "%-22s %3d %4d/%-4d %6d %6d %5d %5d %7d %6d %6d %5d %9d %4d %6.1f %9.1f %9.1f%s",
                fault, run, completed, proposals, mails.expected(), mails.received(), mails.lost(),
                mails.duplicated(), mails.sameMessageId(), duplicateCases, doubleTransitions, deadLetters,
                unhealthy.size(), idle.size(), downSeconds, healthySeconds, drainedSeconds, clean() ? (mails.duplicated() > 0 ? "   (resent after the kill, tolerated)" : "") : "   <-- FAILED");
    }
}
