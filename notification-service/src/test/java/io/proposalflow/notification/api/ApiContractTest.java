package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends IntegrationTest {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("notification-service", served());
    }

    @Test
    void theDescriptionIsTheSameAtEveryRequest() {
        assertThat(ApiContract.normalise(served())).isEqualTo(ApiContract.normalise(served()));
    }

    private String served() {
        return client().get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
