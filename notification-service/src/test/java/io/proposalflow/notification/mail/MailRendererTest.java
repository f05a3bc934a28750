package io.proposalflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.config.NotificationConfiguration;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.ProposalSnapshot;

class MailRendererTest {

    private final MailRenderer renderer = new NotificationConfiguration().mailRenderer(messages());
    private final ProposalSnapshot aktif = new ProposalSnapshot(EventSamples.AKTIF_PROPOSAL_ID.toString(),
            EventSamples.AKTIF_TITLE, Themenfeld.LOCAL_LIVING, List.of("landkreis-goslar"), null);

    @Test
    void germanIsTheDefaultAndNamesProposalStageAmountsAndNextStep() {
        MailFacts facts = MailFacts.of(granted(), aktif);

        RenderedMail mail = renderer.render(facts, "Yusuf Demir", Language.DE);

        assertThat(mail.subject()).isEqualTo("Förderantrag zu „Quartiersmanagement Goslar-Oker“: Bewilligt");
        assertThat(mail.text()).contains("Guten Tag Yusuf Demir,", "Bewilligt", "248.000,00 €", "240.000,00 €",
                "Akti(F)", "Leben & Wohnen vor Ort",
                "Nächster Schritt: Das Vorhaben kann mit den bewilligten Mitteln beginnen.");
        assertThat(mail.html()).contains("<html lang=\"de\"", "240.000,00 €", "Bewilligt");
    }

    @Test
    void recipientsWhoPreferEnglishGetEnglish() {
        RenderedMail mail = renderer.render(MailFacts.of(granted(), aktif), "Elena Petrova", Language.EN);

        assertThat(mail.subject()).isEqualTo("Funding application for \"Quartiersmanagement Goslar-Oker\": Granted");
        assertThat(mail.text()).contains("Dear Elena Petrova,", "€240,000.00", "Local living and housing",
                "Next step: The project can start with the granted funds.");
    }

    @Test
    void completedReviewStatesDecisionAndSummaryButNoReviewer() {
        ProposalSnapshot neuerkerode = new ProposalSnapshot(EventSamples.NEUERKERODE_PROPOSAL_ID.toString(),
                EventSamples.NEUERKERODE_TITLE, Themenfeld.WORK_ECONOMY, List.of(), null);
        MailFacts facts = MailFacts.of(EventSamples.sample(EventType.REVIEW_COMPLETED), neuerkerode);

        RenderedMail mail = renderer.render(facts, "Anna Bergmann", Language.DE);

        assertThat(mail.subject()).contains(EventSamples.NEUERKERODE_TITLE, "Überarbeitung erbeten");
        assertThat(mail.text() + mail.html())
                .contains("Betreuungskonzept für Schichtdienste nachreichen")
                .doesNotContain(EventSamples.REVIEWER_HEALTH, EventSamples.REVIEWER_VOLUNTEERING,
                        "Kinderbetreuung bei Praxiseinsätzen");
    }

    private static FundingApplicationUpdated granted() {
        return new FundingApplicationUpdated(EventSamples.AKTIF_PROPOSAL_ID, 9, "Akti(F)", FundingStage.GRANTED,
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
