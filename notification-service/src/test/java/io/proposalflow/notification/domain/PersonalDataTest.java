package io.proposalflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void mailServerErrorsLoseTheAddressesTheyName() {
        String error = "MailSendException: 550 5.1.1 <anna.bergmann@example.org>: Recipient address rejected";
        assertThat(PersonalData.withoutAddresses(error))
                .doesNotContain("anna.bergmann", "example.org")
                .contains("550 5.1.1", "Recipient address rejected");
    }
}
