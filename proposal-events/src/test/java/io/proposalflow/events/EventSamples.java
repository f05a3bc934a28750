package io.proposalflow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A realistic sample of every event type, taken from the Goslar integration programme. Shared with other
 * modules' tests through this module's test-jar.
 */
public final class EventSamples {

    /** Opening the Stiftung Neuerkerode care-training programme to migrant single mothers, with childcare. */
    public static final UUID NEUERKERODE_PROPOSAL_ID = UUID.fromString("3f6c2a8e-5b1d-4c7a-9e2f-0a1b2c3d4e01");
    /** Akti(F) neighbourhood management in Goslar-Oker, in the programme's expression-of-interest procedure. */
    public static final UUID AKTIF_PROPOSAL_ID = UUID.fromString("3f6c2a8e-5b1d-4c7a-9e2f-0a1b2c3d4e02");
    /** A language café with childcare, withdrawn because the adult education centre already offers it. */
    public static final UUID LANGUAGE_CAFE_PROPOSAL_ID = UUID.fromString("3f6c2a8e-5b1d-4c7a-9e2f-0a1b2c3d4e03");

    public static final UUID NEUERKERODE_REVIEW_CASE_ID = UUID.fromString("7a1e9c44-2d3b-4f5e-8a6b-1c2d3e4f5a01");
    public static final UUID LANGUAGE_CAFE_REVIEW_CASE_ID = UUID.fromString("7a1e9c44-2d3b-4f5e-8a6b-1c2d3e4f5a03");

    public static final UUID NEUERKERODE_NOTIFICATION_ID = UUID.fromString("c0ffee00-1a2b-4c3d-8e4f-5a6b7c8d9e01");
    public static final UUID AKTIF_NOTIFICATION_ID = UUID.fromString("c0ffee00-1a2b-4c3d-8e4f-5a6b7c8d9e02");

    public static final String FOCUS_GROUP_WORK_ECONOMY_USER = "fg-arbeitswelt";
    public static final String FOCUS_GROUP_EDUCATION_USER = "fg-bildung";
    public static final String REVIEWER_HEALTH = "reviewer-gesundheit";
    public static final String REVIEWER_VOLUNTEERING = "reviewer-ehrenamt";

    public static final String NEUERKERODE_TITLE =
            "Pflegeausbildung der Stiftung Neuerkerode für alleinerziehende Migrantinnen öffnen";
    public static final String AKTIF_TITLE = "Quartiersmanagement Goslar-Oker";

    private static final Instant REVIEW_DUE_AT = Instant.parse("2025-10-17T16:00:00Z");

    private EventSamples() {
    }

    /** Deliberately without a default branch: a new event type without a sample does not compile. */
    public static DomainEvent sample(EventType type) {
        return switch (type) {
            case PROPOSAL_DRAFTED -> new ProposalDrafted(NEUERKERODE_PROPOSAL_ID, 0, Themenfeld.WORK_ECONOMY,
                    NEUERKERODE_TITLE, FOCUS_GROUP_WORK_ECONOMY_USER);
            case PROPOSAL_SUBMITTED -> new ProposalSubmitted(NEUERKERODE_PROPOSAL_ID, 1, neuerkerodeContent(),
                    FOCUS_GROUP_WORK_ECONOMY_USER);
            case PROPOSAL_RESUBMITTED -> new ProposalResubmitted(NEUERKERODE_PROPOSAL_ID, 4, 2,
                    neuerkerodeContentRevised(), FOCUS_GROUP_WORK_ECONOMY_USER);
            case PROPOSAL_WITHDRAWN -> new ProposalWithdrawn(LANGUAGE_CAFE_PROPOSAL_ID, 2, ProposalStatus.SUBMITTED,
                    "Angebot wird bereits von der Kreisvolkshochschule Goslar finanziert", FOCUS_GROUP_EDUCATION_USER);
            case PROPOSAL_STATUS_CHANGED -> new ProposalStatusChanged(AKTIF_PROPOSAL_ID, 6, Themenfeld.LOCAL_LIVING,
                    AKTIF_TITLE, ProposalStatus.APPROVED, ProposalStatus.FUNDING_APPLIED,
                    "Interessenbekundung im Programm Akti(F) eingereicht");
            case FUNDING_APPLICATION_UPDATED -> new FundingApplicationUpdated(AKTIF_PROPOSAL_ID, 7, "Akti(F)",
                    FundingStage.EXPRESSION_OF_INTEREST_SUBMITTED, new BigDecimal("248000.00"), null,
                    LocalDate.of(2025, 9, 30),
                    "Interessenbekundung fristgerecht über den Landkreis Goslar eingereicht");
            case REVIEW_OPENED -> new ReviewOpened(NEUERKERODE_REVIEW_CASE_ID, NEUERKERODE_PROPOSAL_ID, 1,
                    Themenfeld.WORK_ECONOMY, REVIEW_DUE_AT);
            case REVIEWERS_ASSIGNED -> new ReviewersAssigned(NEUERKERODE_REVIEW_CASE_ID, NEUERKERODE_PROPOSAL_ID,
                    List.of(REVIEWER_HEALTH, REVIEWER_VOLUNTEERING), false);
            case REVIEW_DECISION_RECORDED -> new ReviewDecisionRecorded(NEUERKERODE_REVIEW_CASE_ID,
                    NEUERKERODE_PROPOSAL_ID, REVIEWER_HEALTH, ReviewDecision.REQUEST_CHANGES, new Scores(5, 3, 5, 3),
                    false);
            case REVIEW_COMPLETED -> new ReviewCompleted(NEUERKERODE_REVIEW_CASE_ID, NEUERKERODE_PROPOSAL_ID, 1,
                    ReviewOutcome.CHANGES_REQUESTED,
                    new ScoreAverages(new BigDecimal("4.50"), new BigDecimal("3.00"), new BigDecimal("5.00"),
                            new BigDecimal("3.50")),
                    List.of(new ReviewComment(REVIEWER_HEALTH, ReviewDecision.REQUEST_CHANGES,
                                    "Kinderbetreuung bei Praxiseinsätzen im Schichtdienst ist noch nicht geklärt."),
                            new ReviewComment(REVIEWER_VOLUNTEERING, ReviewDecision.APPROVE, null)),
                    "Bedarf unstrittig; Betreuungskonzept für Schichtdienste nachreichen.");
            case REVIEW_CANCELLED -> new ReviewCancelled(LANGUAGE_CAFE_REVIEW_CASE_ID, LANGUAGE_CAFE_PROPOSAL_ID,
                    "Vorschlag zurückgezogen");
            case REVIEW_REMINDER_DUE -> new ReviewReminderDue(NEUERKERODE_REVIEW_CASE_ID, NEUERKERODE_PROPOSAL_ID,
                    REVIEWER_VOLUNTEERING, REVIEW_DUE_AT);
            case REVIEW_OVERDUE -> new ReviewOverdue(NEUERKERODE_REVIEW_CASE_ID, NEUERKERODE_PROPOSAL_ID,
                    REVIEWER_VOLUNTEERING, REVIEW_DUE_AT);
            case REVIEWER_REMOVED -> new ReviewerRemoved(NEUERKERODE_REVIEW_CASE_ID, NEUERKERODE_PROPOSAL_ID,
                    REVIEWER_VOLUNTEERING, false);
            case NOTIFICATION_SENT -> new NotificationSent(NEUERKERODE_NOTIFICATION_ID, NEUERKERODE_PROPOSAL_ID,
                    "0b8f5d1e-6a4c-4e2b-9d3f-7c1a2b3c4d5e", EventType.PROPOSAL_SUBMITTED.type(), RecipientKind.PARTNER,
                    "stiftung-neuerkerode", "Stiftung Neuerkerode", 1);
            case NOTIFICATION_FAILED -> new NotificationFailed(AKTIF_NOTIFICATION_ID, AKTIF_PROPOSAL_ID,
                    "5e2d7c9a-3b1f-4a6e-8c2d-9f0e1a2b3c4d", EventType.PROPOSAL_STATUS_CHANGED.type(),
                    RecipientKind.FOCUS_GROUP, null, null, 5, "SMTP server unreachable: connection refused");
        };
    }

    /** One sample per event type, in {@link EventType} order. */
    public static List<DomainEvent> all() {
        return Arrays.stream(EventType.values()).map(EventSamples::sample).toList();
    }

    public static ProposalContent neuerkerodeContent() {
        return new ProposalContent(
                NEUERKERODE_TITLE,
                "Die einjährige Ausbildung zur Pflegeassistenz der Stiftung Neuerkerode wird für alleinerziehende "
                        + "Mütter mit Migrationsgeschichte geöffnet: Teilzeitmodell, berufsbezogener Sprachkurs und "
                        + "Kinderbetreuung während Unterricht und Praxis.",
                Themenfeld.WORK_ECONOMY,
                List.of("12 Ausbildungsplätze in Teilzeit", "Kinderbetreuung für alle Teilnehmerinnen",
                        "Übergang in sozialversicherungspflichtige Beschäftigung"),
                List.of("Alleinerziehende Mütter mit Migrationsgeschichte", "Geflüchtete Frauen mit Kindern"),
                List.of(new PartnerRef("stiftung-neuerkerode", "Stiftung Neuerkerode", "Träger"),
                        new PartnerRef("jobcenter-goslar", "Jobcenter Goslar", "Vermittlung und Förderung"),
                        new PartnerRef("kvhs-goslar", "Kreisvolkshochschule Goslar", "Berufsbezogener Sprachkurs")),
                new BigDecimal("12500.00"),
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2027, 1, 31),
                null);
    }

    private static ProposalContent neuerkerodeContentRevised() {
        ProposalContent first = neuerkerodeContent();
        return new ProposalContent(first.title(),
                first.summary() + " Bei Schichtdiensten übernimmt eine Tagespflegebörse die Betreuung.",
                first.themenfeld(), first.goals(), first.targetGroups(), first.partners(),
                new BigDecimal("14800.50"), first.plannedStart(), first.plannedEnd(), "ESF Plus");
    }
}
