package io.proposalflow.notification;

import org.junit.jupiter.api.Test;

class NotificationServiceApplicationTest extends IntegrationTest {

    @Test
    void startsConnectedToKafkaAndItsOwnDatabaseAndReportsHealthWithTheMailCircuitBreaker() {
        coordinator().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.details.nodes").isEqualTo(1)
                .jsonPath("$.components.circuitBreakers.details.smtp.details.state").exists();
        client().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/notifications/{id}/resend']").exists()
                .jsonPath("$.paths['/api/recipients/partners/{organisationId}/contacts/{contactId}']").exists();
    }
}
