package io.proposalflow.review;

import org.junit.jupiter.api.Test;

import io.proposalflow.testsupport.SecurityMatrix;

class ReviewServiceApplicationTest extends ReviewServiceTestBase {

    @Test
    void startsConnectedToKafkaAndItsOwnDatabaseAndReportsHealth() {
        as("koordination").get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.details.nodes").isEqualTo(1);
        anonymous().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/reviews/{id}/decisions']").exists()
                .jsonPath("$.paths['/api/panels/{themenfeld}']").exists();
    }

    @Test
    void withoutLoginEveryOperationOfTheApiDescriptionIsA401() {
        SecurityMatrix.assertEveryOperationNeedsALogin("review-service",
                org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port).build());
    }
}
