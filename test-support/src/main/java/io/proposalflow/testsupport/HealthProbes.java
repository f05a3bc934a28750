package io.proposalflow.testsupport;

import org.springframework.test.web.reactive.server.WebTestClient;

/** The health groups every service shares (platform-defaults.yml), asserted the same way in each. */
public final class HealthProbes {

    private HealthProbes() {
    }

    /**
     * Readiness is UP and checks each of {@code dependencies}; liveness is UP and checks none of
     * them, only the process: an outage must take the instance out of the load balancer, not get
     * it restarted.
     */
    public static void assertReadinessChecksWhileLivenessDoesNot(WebTestClient client, String... dependencies) {
        WebTestClient.BodyContentSpec readiness = client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
        WebTestClient.BodyContentSpec liveness = client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.livenessState.status").isEqualTo("UP");
        for (String dependency : dependencies) {
            readiness.jsonPath("$.components." + dependency + ".status").isEqualTo("UP");
            liveness.jsonPath("$.components." + dependency).doesNotExist();
        }
    }

    /**
     * Without logging in, the API port tells only whether the service is up: no components, no
     * details (topics, consumer groups, outbox errors), no metrics.
     */
    public static void assertAnonymousSeesOnlyTheStatus(WebTestClient anonymous) {
        anonymous.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist()
                .jsonPath("$.details").doesNotExist();
        anonymous.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
    }
}
