package io.proposalflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When a fault run counts as failed. */
class RowTest {

    private static Row row(MailCount mails, boolean resendsTolerated) {
        return new Row("kill-notification", 1, 10, 10, mails, 0, 0, 0, List.of(), List.of(), 0.1, 5, 10, List.of(),
                resendsTolerated);
    }

    @Test
    void aRepeatWithItsOwnMessageIdFailsUnlessResendsAfterAKillAreTolerated() {
        MailCount resent = new MailCount(118, 119, 0, 1, 1, 0, List.of());

        assertThat(row(resent, false).clean()).isFalse();
        assertThat(row(resent, true).clean()).isTrue();
        assertThat(row(resent, true).line()).contains("tolerated");
    }

    @Test
    void aSecondNotificationForTheSameStepFailsEvenWhenResendsAreTolerated() {
        MailCount secondNotification = new MailCount(118, 119, 0, 1, 0, 0, List.of());

        assertThat(row(secondNotification, true).clean()).isFalse();
    }

    @Test
    void aLostMailFailsAlways() {
        assertThat(row(new MailCount(118, 117, 1, 0, 0, 0, List.of()), true).clean()).isFalse();
    }
}
