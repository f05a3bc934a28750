package io.proposalflow.notification.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalReference;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.domain.Audience;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.MailKind;
import io.proposalflow.notification.domain.EventMeaning;
import io.proposalflow.notification.domain.EventMeaning.Mailing;
import io.proposalflow.notification.domain.ProposalSnapshot;

class MailRendererTest {

    private static final String PORTAL = "https://portal.example.org";
    private static final UUID PROPOSAL = EventSamples.NEUERKERODE_PROPOSAL_ID;
    private static final UUID REVIEW_CASE = EventSamples.NEUERKERODE_REVIEW_CASE_ID;
    private static final String REFERENCE = ProposalReference.of(PROPOSAL);
    private static final String TITLE = EventSamples.NEUERKERODE_TITLE;

    private final MailRenderer renderer = new MailRenderer(MailRenderer.mailTemplates(messages()), messages(),
            PORTAL + "/");
    private final ProposalSnapshot neuerkerode = new ProposalSnapshot(PROPOSAL.toString(), TITLE,
            Themenfeld.WORK_ECONOMY, List.of("stiftung-neuerkerode"), Instant.parse("2026-03-01T11:00:00Z"),
            List.of(EventSamples.REVIEWER_HEALTH));

    /** One rendered mail of every kind the rules plan, to every kind of recipient it goes to. */
    private record Rendered(MailKind kind, RecipientKind to, MailFacts facts, RenderedMail mail) {
    }

    @Test
    void everyKindIsRenderedInBothLanguagesWithTitleReferenceGreetingLinkAndNextStep() {
        Set<MailKind> seen = EnumSet.noneOf(MailKind.class);
        for (Language language : Language.values()) {
            for (Rendered r : everyPlannedMail(language)) {
                seen.add(r.kind());
                String what = r.kind() + " to " + r.to() + " in " + language;
                assertThat(r.mail().subject()).as(what).contains(TITLE, "(" + REFERENCE + ")");
                String text = r.mail().text();
                assertThat(text).as(what).startsWith(language == Language.DE
                        ? (r.to() == RecipientKind.FOCUS_GROUP
                                ? "Sehr geehrte Mitglieder der Fokusgruppe Arbeitswelt & Wirtschaft," : "Guten Tag Alex Muster,")
                        : (r.to() == RecipientKind.FOCUS_GROUP
                                ? "Dear members of the focus group Work and economy," : "Dear Alex Muster,"));
                assertThat(text).as(what).contains(REFERENCE,
                        language == Language.DE ? "Was jetzt zu tun ist: " : "What to do now: ",
                        r.to() == RecipientKind.REVIEWER ? PORTAL + "/reviews/" + REVIEW_CASE
                                : PORTAL + "/proposals/" + PROPOSAL,
                        language == Language.DE ? "erreichen Sie die Koordination" : "reaches the programme's coordination");
                assertThat(r.mail().html()).as(what).contains("<html lang=\"" + language.locale().getLanguage() + "\"",
                        "href=\"" + (r.to() == RecipientKind.REVIEWER ? PORTAL + "/reviews/" + REVIEW_CASE
                                : PORTAL + "/proposals/" + PROPOSAL) + "\"");
                assertThat(text + r.mail().html()).as(what).doesNotContain("{0}", "{1}", "{2}", "??", "null");
                if (language == Language.DE) {
                    assertThat(text).as(what + ": formal register").doesNotContainPattern("\\b([Dd]u|[Dd]ein|[Dd]ich|[Ee]uch)\\b");
                } else {
                    assertEntirelyEnglish(what, r);
                }
            }
        }
        assertThat(seen).as("every kind the rules plan is rendered")
                .isEqualTo(EnumSet.complementOf(EnumSet.of(MailKind.STATUS_CHANGED)));
    }

    @Test
    void theFocusGroupIsAskedToReviseWithTheReviewersCommentsAndNoReviewerNames() {
        MailFacts facts = EventMeaning.of(changesRequested()).facts(MailKind.REVIEW_COMPLETED, neuerkerode);

        RenderedMail mail = renderer.render(facts, RecipientKind.FOCUS_GROUP, "Fokusgruppe Arbeitswelt & Wirtschaft",
                Language.DE);

        assertThat(mail.subject()).isEqualTo("Begutachtung abgeschlossen: „" + TITLE + "“ – Überarbeitung erbeten ("
                + REFERENCE + ")");
        assertThat(mail.text()).contains("Hinweise aus der Begutachtung:",
                "- Bitte Kinderbetreuungszeiten für Schichtdienste ergänzen.",
                "Gutachten: 2 insgesamt: 1 befürwortet, 1 Überarbeitung erbeten, 0 abgelehnt",
                "Was jetzt zu tun ist: Bitte überarbeiten Sie den Vorschlag anhand der Hinweise oben und reichen Sie ihn im Portal erneut ein.");
        assertThat(mail.html()).contains("<li>Bitte Kinderbetreuungszeiten für Schichtdienste ergänzen.</li>");
        assertThat(mail.text() + mail.html()).doesNotContain("rev-kvhs", "rev-migration");
    }

    @Test
    void partnersReadTheSameOutcomeButAreToldTheyNeedNotAct() {
        MailFacts facts = EventMeaning.of(changesRequested()).facts(MailKind.REVIEW_COMPLETED, neuerkerode);

        RenderedMail mail = renderer.render(facts, RecipientKind.PARTNER, "Anna Bergmann", Language.DE);

        assertThat(mail.text()).contains("Guten Tag Anna Bergmann,", "Bitte Kinderbetreuungszeiten",
                "Was jetzt zu tun ist: Sie müssen nichts tun. Die Fokusgruppe überarbeitet den Vorschlag");
    }

    @Test
    void aFundingReportNamesStageStatusAndAmountsInTheReadersLocale() {
        MailFacts facts = EventMeaning.of(granted()).facts(MailKind.FUNDING_UPDATED, neuerkerode);

        RenderedMail german = renderer.render(facts, RecipientKind.PARTNER, "Yusuf Demir", Language.DE);
        RenderedMail english = renderer.render(facts, RecipientKind.PARTNER, "Elena Petrova", Language.EN);

        assertThat(german.subject()).isEqualTo("Förderantrag zu „" + TITLE + "“: Bewilligt (" + REFERENCE + ")");
        assertThat(german.text()).contains("Status: Gefördert", "248.000,00 €", "240.000,00 €", "15.01.2026");
        assertThat(english.subject()).isEqualTo("Funding application for \"" + TITLE + "\": Granted (" + REFERENCE + ")");
        assertThat(english.text()).contains("Status: Funded", "€240,000.00", "15 January 2026");
    }

    @Test
    void notificationsPlannedBeforeTheStepRulesStillRender() {
        MailFacts legacy = new MailFacts(MailKind.STATUS_CHANGED, PROPOSAL.toString(), null, TITLE,
                Themenfeld.WORK_ECONOMY, ProposalStatus.APPROVED, ProposalStatus.IN_REVIEW, null, null, null, null,
                null, null, null, null, null, null, null);

        RenderedMail mail = renderer.render(legacy, RecipientKind.PARTNER, "Anna Bergmann", Language.DE);

        assertThat(mail.subject()).isEqualTo("Neuer Status für „" + TITLE + "“: Befürwortet (" + REFERENCE + ")");
    }

    /** Every text of ours is English; only what people wrote (title, reasons, comments) may be German. */
    private static void assertEntirelyEnglish(String what, Rendered r) {
        String ours = r.mail().text().replace(TITLE, "");
        for (String theirs : theirTexts(r.facts())) {
            ours = ours.replace(theirs, "");
        }
        assertThat(ours).as(what + ": English only")
                .doesNotContain("ä", "ö", "ü", "ß", "„", "Sie ", "Guten", "Projekt", "Begutacht", "Förder", "Gutachten");
    }

    private static List<String> theirTexts(MailFacts facts) {
        List<String> texts = new ArrayList<>(facts.reviewerComments());
        if (facts.reason() != null) {
            texts.add(facts.reason());
        }
        return texts;
    }

    private List<Rendered> everyPlannedMail(Language language) {
        List<Rendered> all = new ArrayList<>();
        for (DomainEvent event : List.of(EventSamples.sample(EventType.PROPOSAL_SUBMITTED),
                EventSamples.sample(EventType.PROPOSAL_RESUBMITTED), withdrawn(), granted(),
                EventSamples.sample(EventType.REVIEWERS_ASSIGNED), EventSamples.sample(EventType.REVIEW_REMINDER_DUE),
                EventSamples.sample(EventType.REVIEW_OVERDUE), changesRequested(),
                new ReviewCancelled(REVIEW_CASE, PROPOSAL, "Projektvorschlag zurückgezogen"))) {
            for (Mailing mailing : EventMeaning.of(event).mailings()) {
                MailFacts facts = EventMeaning.of(event).facts(mailing.kind(), neuerkerode);
                RecipientKind to = recipientKind(mailing.audience());
                all.add(new Rendered(mailing.kind(), to, facts, renderer.render(facts, to, "Alex Muster", language)));
            }
        }
        return all;
    }

    private static RecipientKind recipientKind(Audience audience) {
        if (audience instanceof Audience.Partners) {
            return RecipientKind.PARTNER;
        }
        return audience instanceof Audience.FocusGroup ? RecipientKind.FOCUS_GROUP : RecipientKind.REVIEWER;
    }

    private static ReviewCompleted changesRequested() {
        return new ReviewCompleted(REVIEW_CASE, PROPOSAL, 1, ReviewOutcome.CHANGES_REQUESTED, null,
                List.of(new ReviewComment("rev-kvhs", ReviewDecision.APPROVE, null),
                        new ReviewComment("rev-migration", ReviewDecision.REQUEST_CHANGES,
                                "Bitte Kinderbetreuungszeiten für Schichtdienste ergänzen.")),
                "2 Gutachten: 1× befürwortet, 1× Überarbeitung erbeten");
    }

    private static ProposalWithdrawn withdrawn() {
        return new ProposalWithdrawn(PROPOSAL, 5, ProposalStatus.IN_REVIEW, "Der Träger hat abgesagt.",
                "fg-arbeitswelt");
    }

    private static FundingApplicationUpdated granted() {
        return new FundingApplicationUpdated(PROPOSAL, 9, "ESF Plus", FundingStage.GRANTED,
                new BigDecimal("248000.00"), new BigDecimal("240000.00"), LocalDate.of(2026, 1, 15), null);
    }


    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
