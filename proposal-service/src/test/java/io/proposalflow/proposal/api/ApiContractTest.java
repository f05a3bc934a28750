package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
        // the first request builds the description, which takes a while on a busy machine
        return anonymous().mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
