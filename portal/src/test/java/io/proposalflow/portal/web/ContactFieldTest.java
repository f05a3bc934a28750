package io.proposalflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The draft form's contact takes an organisation or a function, as proposal-service does. */
class ContactFieldTest {

    @Test
    void anAddressOrAPhoneNumberIsRefusedAnOrganisationOrAPostcodeIsNot() {
        assertThat(ProposalForm.personalContactDetails("Sabine Müller, sabine.mueller@example.org")).isTrue();
        assertThat(ProposalForm.personalContactDetails("sabine.mueller (at) example.org")).isTrue();
        assertThat(ProposalForm.personalContactDetails("Tel. 05321 76-0")).isTrue();
        assertThat(ProposalForm.personalContactDetails("Fokusgruppe Arbeitswelt & Wirtschaft, Sprecherin")).isFalse();
        assertThat(ProposalForm.personalContactDetails("Jobcenter Goslar, 38640 Goslar")).isFalse();
    }
}
