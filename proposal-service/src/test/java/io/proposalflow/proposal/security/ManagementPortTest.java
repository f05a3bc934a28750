package io.proposalflow.proposal.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.testsupport.WithTestBackends;

/**
 * The service as docker-compose runs it: management on a port of its own that only the deployment's
 * network reaches (MANAGEMENT_SERVER_PORT), with health details, metrics and the Prometheus scrape
 * readable there; the API port serves none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestBackends
class ManagementPortTest {

    static final int MANAGEMENT_PORT = freePort();

    @DynamicPropertySource
    static void managementOnItsOwnPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
        registry.add("management.server.address", () -> "127.0.0.1");
        // as docker-compose.yml sets them
        registry.add("management.endpoint.health.show-details", () -> "always");
        registry.add("management.endpoint.health.show-components", () -> "always");
    }

    @LocalServerPort
    int apiPort;

    @Test
    void healthDetailsMetricsAndPrometheusAreOnTheManagementPortOnly() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + MANAGEMENT_PORT).build();
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.mongo.status").isEqualTo("UP");
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        management.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
        // operator endpoints change state: the coordination, also here
        management.get().uri("/actuator/outbox").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/outbox").headers(h -> h.setBasicAuth("koordination", "demo")).exchange()
                .expectStatus().isOk();

        WebTestClient api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + apiPort).build();
        api.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("koordination", "demo")).exchange()
                .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status).isIn(401, 404));
        api.get().uri("/actuator/health").exchange()
                .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status).isIn(401, 404));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
