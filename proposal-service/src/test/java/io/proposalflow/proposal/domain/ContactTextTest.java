package io.proposalflow.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A proposal's contact names an organisation or a function; people's details stay in the directory. */
class ContactTextTest {

    @Test
    void anOrganisationOrAFunctionIsFine() {
        assertThat(ContactText.problem("Fokusgruppe Arbeitswelt & Wirtschaft")).isNull();
        assertThat(ContactText.problem("Stiftung Neuerkerode, Bereich Ausbildung, 38173 Sickte")).isNull();
        assertThat(ContactText.problem("Sprecherin der Fokusgruppe, Sitzung 2026")).isNull();
        assertThat(ContactText.problem(null)).isNull();
    }

    @Test
    void anEmailAddressIsRefusedAlsoWrittenWithAt() {
        assertThat(ContactText.problem("sabine.mueller@example.org")).contains("e-mail address");
        assertThat(ContactText.problem("fokusgruppe-arbeit@example.org")).contains("e-mail address");
        assertThat(ContactText.problem("sabine.mueller (at) example.org")).contains("e-mail address");
        assertThat(ContactText.problem("sabine.mueller[at]example.org")).contains("e-mail address");
    }

    @Test
    void aPhoneNumberIsRefusedAPostcodeIsNot() {
        assertThat(ContactText.problem("Tel. 05321 76-0")).contains("phone number");
        assertThat(ContactText.problem("+49 (0)5321/760")).contains("phone number");
        assertThat(ContactText.problem("0151 23456789")).contains("phone number");
        assertThat(ContactText.problem("38640 Goslar")).isNull();
    }

    @Test
    void storedContactsLoseTheirAddressesAndNumbers() {
        assertThat(ContactText.strip("Sabine Müller, sabine.mueller@example.org, Tel. 05321 76-0"))
                .isEqualTo("Sabine Müller");
        assertThat(ContactText.strip("Fokusgruppe Arbeitswelt (E-Mail: fg-arbeit@example.org)"))
                .doesNotContain("@").startsWith("Fokusgruppe Arbeitswelt");
        assertThat(ContactText.strip("fokusgruppe-arbeit@example.org")).isNull();
        assertThat(ContactText.strip("Jobcenter Goslar, 38640 Goslar")).isEqualTo("Jobcenter Goslar, 38640 Goslar");
        assertThat(ContactText.problem(ContactText.strip("Müller, Tel 05321/76-0, m@example.org"))).isNull();
    }
}
