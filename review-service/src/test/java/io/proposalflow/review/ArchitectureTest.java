package io.proposalflow.review;

import org.junit.jupiter.api.Test;

import io.proposalflow.testsupport.ArchitectureRules;

/** review-service has the one shape of every service (docs/architecture.md), checked on its main classes. */
class ArchitectureTest {

    @Test
    void theServiceHasTheOneShape() {
        ArchitectureRules.check("io.proposalflow.review");
    }
}
