package io.proposalflow.notification.api;

import org.junit.jupiter.api.Test;

import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends IntegrationTest {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("notification-service", client());
    }
}
