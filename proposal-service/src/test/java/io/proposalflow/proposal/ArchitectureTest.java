package io.proposalflow.proposal;

import org.junit.jupiter.api.Test;

import io.proposalflow.testsupport.ArchitectureRules;

/** proposal-service has the one shape of every service (docs/architecture.md, "One shape"). */
class ArchitectureTest {

    @Test
    void theServiceHasTheOneShape() {
        ArchitectureRules.check("io.proposalflow.proposal");
    }
}
