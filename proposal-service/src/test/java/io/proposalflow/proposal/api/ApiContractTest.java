package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends ServiceTest {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("proposal-service", ApiContract.served(anonymous()));
    }

    @Test
    void theDescriptionIsTheSameAtEveryRequest() {
        assertThat(ApiContract.normalise(ApiContract.served(anonymous())))
                .isEqualTo(ApiContract.normalise(ApiContract.served(anonymous())));
    }
}
