package io.proposalflow.proposal;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProposalServiceApplicationTest extends ServiceTest {

    @Test
    void startsConnectedToKafkaAndItsOwnDatabaseAndReportsHealth() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        as(COORDINATOR).get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.details.nodes").isEqualTo(1);
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/proposals/{id}/funding-application'].put.summary").exists()
                .jsonPath("$.paths['/api/statistics'].get").exists()
                .jsonPath("$.paths['/api/proposals'].get.parameters[?(@.name == 'caller')]").doesNotExist()
                .jsonPath("$.paths['/api/proposals'].get.parameters[?(@.name == 'q')]").exists();
    }
}
