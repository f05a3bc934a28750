package io.proposalflow.notification;

import org.junit.jupiter.api.Test;

import io.proposalflow.testsupport.ArchitectureRules;

/** notification-service has the one shape of every service (docs/architecture.md, "One shape"). */
class ArchitectureTest {

    @Test
    void notificationServiceHasTheOneShapeOfEveryService() {
        ArchitectureRules.check("io.proposalflow.notification");
    }
}
