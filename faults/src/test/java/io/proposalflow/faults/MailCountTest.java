package io.proposalflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the fault runs count the mails in the mailboxes against one mail per person and step. */
class MailCountTest {

    private static final String REF = "PV-ABC123";
    private static final List<MailCount.Expectation> ONE_STORY = List.of(
            new MailCount.Expectation("fg@example.org", REF, 2, true),
            new MailCount.Expectation("rev@example.org", REF, 1, false));

    private static Mailboxes.Mail mail(String to, String subject, String messageId) {
        return new Mailboxes.Mail(to, subject, messageId, 1000);
    }

    @Test
    void everyStepOnceIsNeitherLostNorDuplicated() {
        MailCount count = MailCount.of(ONE_STORY, List.of(
                mail("fg@example.org", "Eingereicht: X (" + REF + ")", "<1@x>"),
                mail("fg@example.org", "Bewilligt: X (" + REF + ")", "<2@x>"),
                mail("rev@example.org", "Bitte um Begutachtung: X (" + REF + ")", "<3@x>"),
                mail("fg@example.org", "Eingereicht: Y (PV-OTHER1)", "<9@x>")));

        assertThat(count.expected()).isEqualTo(3);
        assertThat(count.received()).as("only this run's proposals count").isEqualTo(3);
        assertThat(count.lost()).isZero();
        assertThat(count.duplicated()).isZero();
    }

    @Test
    void aStepMailedTwiceIsADuplicateEvenWhenTheCountMatchesBecauseAnotherIsMissing() {
        MailCount count = MailCount.of(ONE_STORY, List.of(
                mail("fg@example.org", "Eingereicht: X (" + REF + ")", "<1@x>"),
                mail("fg@example.org", "Eingereicht: X (" + REF + ")", "<1@x>"),
                mail("rev@example.org", "Bitte um Begutachtung: X (" + REF + ")", "<3@x>")));

        assertThat(count.lost()).isEqualTo(1);
        assertThat(count.duplicated()).isEqualTo(1);
        assertThat(count.sameMessageId()).as("a resend of the same notification").isEqualTo(1);
    }

    @Test
    void aMailToSomebodyTheStoryDoesNotConcernIsADuplicate() {
        MailCount count = MailCount.of(ONE_STORY, List.of(
                mail("fg@example.org", "Eingereicht: X (" + REF + ")", "<1@x>"),
                mail("fg@example.org", "Bewilligt: X (" + REF + ")", "<2@x>"),
                mail("rev@example.org", "Bitte um Begutachtung: X (" + REF + ")", "<3@x>"),
                mail("rev@example.org", "Bitte um Begutachtung: X (" + REF + ")", "<4@x>"),
                mail("other@example.org", "Bewilligt: X (" + REF + ")", "<5@x>")));

        assertThat(count.lost()).isZero();
        assertThat(count.duplicated()).isEqualTo(2);
        assertThat(count.sameMessageId()).isZero();
    }
}
