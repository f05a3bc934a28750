package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.testsupport.ApiContract;

class ApiContractTest extends ServiceTest {

    @Test
    void theRunningServiceDescribesItsApiExactlyAsCommittedInDocsApi() {
        ApiContract.assertServedIsCommitted("proposal-service", served());
    }

    @Test
    void theDescriptionIsTheSameAtEveryRequest() {
        assertThat(ApiContract.normalise(served())).isEqualTo(ApiContract.normalise(served()));
    }

    private String served() {
        return anonymous().get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
