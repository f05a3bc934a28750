package io.proposalflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ProposalReferenceTest {

    @Test
    void theReferenceIsPvAndTheFirstEightHexDigitsOfTheIdInUpperCase() {
        UUID id = UUID.fromString("1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d");

        assertThat(ProposalReference.of(id)).isEqualTo("PV-1A2B3C4D");
    }

    @Test
    void theSameIdAlwaysGivesTheSameReference() {
        UUID id = UUID.randomUUID();

        assertThat(ProposalReference.of(id)).isEqualTo(ProposalReference.of(UUID.fromString(id.toString())))
                .matches("PV-[0-9A-F]{8}");
    }
}
