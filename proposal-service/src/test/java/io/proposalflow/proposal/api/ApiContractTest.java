package io.proposalflow.proposal.api;

import org.junit.jupiter.api.Test;

import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends ServiceTest {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("proposal-service", anonymous());
    }
}
