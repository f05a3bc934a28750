package io.proposalflow.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the mailboxes hold about a round's proposals against what the stories lead one to expect: one
 * mail per person and step. Partners and the focus group expect one mail per step, each with its own
 * subject; a reviewer one request per round they were assigned to.
 *
 * @param expected     mails the stories call for
 * @param received     mails in the mailboxes about these proposals
 * @param lost         expected mails that never arrived
 * @param duplicated   mails beyond the expected ones (a second mail for a step, or one for no step)
 * @param sameMessageId mails that repeat another's Message-ID in the same mailbox (a resend of the very
 *                     same notification, the kind a receiving system can recognise); part of {@code duplicated}
 * @param lastReceivedAt when the last of them arrived (epoch ms), 0 when none did
 * @param examples     a few of the lost or duplicated ones, for the report
 */
record MailCount(int expected, int received, int lost, int duplicated, int sameMessageId, long lastReceivedAt,
                 List<String> examples) {

    /** One recipient's expectation for one proposal. */
    record Expectation(String address, String reference, int mails, boolean distinctSubjects) {
    }

    static MailCount of(List<Expectation> expectations, List<Mailboxes.Mail> mails) {
        Map<String, List<Mailboxes.Mail>> byKey = new HashMap<>();
        long last = 0;
        int received = 0;
        Set<String> references = new HashSet<>();
        expectations.forEach(e -> references.add(e.reference()));
        for (Mailboxes.Mail mail : mails) {
            String reference = referenceIn(mail.subject(), references);
            if (reference == null) {
                continue;
            }
            received++;
            last = Math.max(last, mail.receivedAt());
            byKey.computeIfAbsent(mail.to() + "|" + reference, k -> new java.util.ArrayList<>()).add(mail);
        }
        int expected = 0;
        int lost = 0;
        int duplicated = 0;
        int sameMessageId = 0;
        List<String> examples = new java.util.ArrayList<>();
        Set<String> expectedKeys = new HashSet<>();
        for (Expectation e : expectations) {
            String key = e.address() + "|" + e.reference();
            expectedKeys.add(key);
            expected += e.mails();
            List<Mailboxes.Mail> got = byKey.getOrDefault(key, List.of());
            Set<String> ids = new HashSet<>();
            for (Mailboxes.Mail mail : got) {
                if (mail.messageId() != null && !ids.add(mail.messageId())) {
                    sameMessageId++;
                    note(examples, "same Message-ID twice to " + e.address() + ": " + mail.subject() + " "
                            + mail.messageId());
                }
            }
            int missing;
            int extra;
            if (e.distinctSubjects()) {
                Set<String> subjects = new HashSet<>();
                got.forEach(m -> subjects.add(m.subject()));
                int repeats = got.size() - subjects.size();
                missing = Math.max(0, e.mails() - subjects.size());
                extra = repeats + Math.max(0, subjects.size() - e.mails());
            } else {
                missing = Math.max(0, e.mails() - got.size());
                extra = Math.max(0, got.size() - e.mails());
            }
            if (missing > 0) {
                note(examples, missing + " missing to " + e.address() + " about " + e.reference() + " (has "
                        + got.stream().map(Mailboxes.Mail::subject).toList() + ")");
            }
            if (extra > 0) {
                note(examples, extra + " extra to " + e.address() + " about " + e.reference() + ": "
                        + got.stream().map(Mailboxes.Mail::subject).toList());
            }
            lost += missing;
            duplicated += extra;
        }
        // a mail about one of these proposals to somebody who should not have had any
        for (Map.Entry<String, List<Mailboxes.Mail>> entry : byKey.entrySet()) {
            if (!expectedKeys.contains(entry.getKey())) {
                duplicated += entry.getValue().size();
                note(examples, "unexpected: " + entry.getKey() + " " + entry.getValue().get(0).subject());
            }
        }
        return new MailCount(expected, received, lost, duplicated, sameMessageId, last, List.copyOf(examples));
    }

    private static String referenceIn(String subject, Set<String> references) {
        if (subject == null) {
            return null;
        }
        int open = subject.lastIndexOf('(');
        int close = subject.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String reference = subject.substring(open + 1, close);
        return references.contains(reference) ? reference : null;
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }
}
