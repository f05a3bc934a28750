package io.proposalflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.RecipientKind;

class NotificationIdsTest {

    private final Recipient anna = new Recipient(RecipientKind.PARTNER, "c-1", "stiftung-neuerkerode",
            "Stiftung Neuerkerode", "Anna Bergmann", "anna.bergmann@example.org", Language.DE);
    private final Recipient markus = new Recipient(RecipientKind.PARTNER, "c-2", "jobcenter-goslar",
            "Jobcenter Goslar", "Markus Hoffmann", "markus.hoffmann@example.org", Language.DE);

    @Test
    void aRedeliveredEventDerivesTheSameIdForTheSameRecipient() {
        assertThat(NotificationIds.of("event-1", anna)).isEqualTo(NotificationIds.of("event-1", anna));
    }

    @Test
    void eachRecipientAndEachEventGetsItsOwnNotification() {
        assertThat(NotificationIds.of("event-1", anna)).isNotEqualTo(NotificationIds.of("event-1", markus));
        assertThat(NotificationIds.of("event-1", anna)).isNotEqualTo(NotificationIds.of("event-2", anna));
    }
}
