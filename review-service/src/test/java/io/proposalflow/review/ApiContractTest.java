package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends ReviewServiceTestBase {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("review-service", ApiContract.served(anonymous()));
    }

    @Test
    void theDescriptionIsTheSameAtEveryRequest() {
        assertThat(ApiContract.normalise(ApiContract.served(anonymous())))
                .isEqualTo(ApiContract.normalise(ApiContract.served(anonymous())));
    }
}
