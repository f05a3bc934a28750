package io.proposalflow.proposal.domain;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.proposalflow.events.RecipientKind;

/**
 * Turns the mails of a proposal into one history line per step, e.g. "Benachrichtigt: Fokusgruppe;
 * Partner Kreisvolkshochschule Goslar, Stiftung Neuerkerode; 2 Gutachter:innen". A step is what caused
 * the mails (their source event): people read the history as "what happened and who was told", and a
 * line per mail buried the steps under dozens of repeats, one per contact person.
 *
 * <p>Rules: each organisation is named once per line however many of its contacts got the mail;
 * reviewers are only counted, never named nor their organisation, because the focus group reads this
 * history and must not learn who reviewed it; a mail that was resent counts by its last report. A step
 * with any mail finally not delivered is a NOTIFICATION_FAILED line naming who was not reached (and who
 * was), since that is what the coordination has to act on; otherwise NOTIFICATION_SENT. The line's time
 * is the step's last delivery. Deliveries stored before steps were recorded are each their own step.
 */
public final class NotificationSteps {

    private NotificationSteps() {
    }

    public static List<HistoryEntry> summarise(List<Delivery> deliveries) {
        Map<Object, List<Delivery>> bySteps = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            Object step = delivery.sourceEventId() == null ? new Object() : delivery.sourceEventId();
            bySteps.computeIfAbsent(step, key -> new ArrayList<>()).add(delivery);
        }
        return bySteps.values().stream()
                .map(NotificationSteps::entry)
                .sorted(Comparator.comparing(HistoryEntry::at))
                .toList();
    }

    private static HistoryEntry entry(List<Delivery> step) {
        List<Delivery> latest = latestPerMail(step);
        List<Delivery> delivered = latest.stream().filter(Delivery::delivered).toList();
        List<Delivery> failed = latest.stream().filter(d -> !d.delivered()).toList();
        List<String> sentences = new ArrayList<>();
        if (!delivered.isEmpty()) {
            sentences.add("Benachrichtigt: " + recipients(delivered));
        }
        if (!failed.isEmpty()) {
            sentences.add("Nicht zugestellt: " + recipients(failed));
        }
        Instant at = step.stream().map(Delivery::at).max(Comparator.naturalOrder()).orElseThrow();
        return new HistoryEntry(at, Proposal.NOTIFICATION_SERVICE,
                failed.isEmpty() ? HistoryKind.NOTIFICATION_SENT : HistoryKind.NOTIFICATION_FAILED, null, null,
                String.join(". ", sentences));
    }

    /** A mail resent after failing reports twice under one id: its last report says how it ended. */
    private static List<Delivery> latestPerMail(List<Delivery> step) {
        Map<Object, Delivery> latest = new LinkedHashMap<>();
        for (Delivery delivery : step) {
            Object mail = delivery.notificationId() == null ? new Object() : delivery.notificationId();
            latest.merge(mail, delivery, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        return List.copyOf(latest.values());
    }

    /** "Fokusgruppe; Partner A, B; 2 Gutachter:innen", leaving out kinds that got no mail. */
    private static String recipients(List<Delivery> deliveries) {
        List<String> parts = new ArrayList<>();
        if (deliveries.stream().anyMatch(d -> d.recipientKind() == RecipientKind.FOCUS_GROUP)) {
            parts.add("Fokusgruppe");
        }
        List<Delivery> partners = deliveries.stream().filter(d -> d.recipientKind() == RecipientKind.PARTNER)
                .toList();
        if (!partners.isEmpty()) {
            TreeSet<String> names = new TreeSet<>(Collator.getInstance(Locale.GERMAN));
            partners.stream().map(NotificationSteps::organisation).filter(Objects::nonNull).forEach(names::add);
            parts.add(names.isEmpty() ? "Partner" : "Partner " + String.join(", ", names));
        }
        long reviewers = deliveries.stream().filter(d -> d.recipientKind() == RecipientKind.REVIEWER).count();
        if (reviewers > 0) {
            parts.add(reviewers + (reviewers == 1 ? " Gutachter:in" : " Gutachter:innen"));
        }
        return String.join("; ", parts);
    }

    private static String organisation(Delivery delivery) {
        return delivery.organisationName() != null ? delivery.organisationName() : delivery.organisationId();
    }
}
