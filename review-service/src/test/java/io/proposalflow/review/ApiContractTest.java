package io.proposalflow.review;

import org.junit.jupiter.api.Test;

import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends ReviewServiceTestBase {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("review-service", anonymous());
    }
}
