package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends IntegrationTest {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("notification-service", ApiContract.served(client()));
    }

    @Test
    void theDescriptionIsTheSameAtEveryRequest() {
        assertThat(ApiContract.normalise(ApiContract.served(client())))
                .isEqualTo(ApiContract.normalise(ApiContract.served(client())));
    }
}
