package io.proposalflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.platform.config.PlatformSecurityAutoConfiguration;
import io.proposalflow.platform.web.ProblemDetailsAdvice;
import reactor.core.publisher.Mono;

@WebFluxTest
@ContextConfiguration(classes = { SecurityTest.WhoAmIController.class, ProblemDetailsAdvice.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class SecurityTest {

    @RestController
    static class WhoAmIController {

        @GetMapping("/api/me")
        Mono<Caller> me(Caller caller) {
            return Mono.just(caller);
        }

        @GetMapping("/api/coordination")
        @PreAuthorize("hasRole('COORDINATOR')")
        Mono<String> coordinationOnly() {
            return Mono.just("key figures");
        }

        @GetMapping("/actuator/health")
        Mono<String> health() {
            return Mono.just("UP");
        }
    }

    @Autowired
    WebTestClient client;

    @Test
    void anonymousCallsToTheApiAre401ProblemDocuments() {
        client.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"proposalflow\"")
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void configuredPasswordsAreCheckedButNeverReEncodedAtLogin() {
        client.get().uri("/api/me").headers(h -> h.setBasicAuth("koordination", "demo")).exchange()
                .expectStatus().isOk();
        // Spring Security 7 BCrypt-encodes, at every login, each password its encoder wants upgraded
        // (~80 ms of CPU per request); the encoder the services use wants none upgraded
        assertThat(passwordEncoder.upgradeEncoding("{noop}demo")).isFalse();
        assertThat(passwordEncoder.matches("demo", "{noop}demo")).isTrue();
        String hash = passwordEncoder.encode("demo");
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches("demo", hash)).isTrue();
        assertThat(passwordEncoder.matches("wrong", hash)).isFalse();
    }

    @Test
    void aWrongPasswordIs401() {
        client.get().uri("/api/me").headers(h -> h.setBasicAuth("koordination", "wrong")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void healthIsReadableWithoutLoggingIn() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void aDemoFocusGroupUserIsResolvedWithItsThemenfeld() {
        client.get().uri("/api/me").headers(h -> h.setBasicAuth("fg-arbeitswelt", "demo")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo("fg-arbeitswelt")
                .jsonPath("$.roles[0]").isEqualTo("FOCUS_GROUP")
                .jsonPath("$.focusGroup").isEqualTo("WORK_ECONOMY");
    }

    @Test
    void aReviewerCarriesTheOrganisationsItIsAffiliatedWith() {
        client.get().uri("/api/me").headers(h -> h.setBasicAuth("rev-neuerkerode", "demo")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.roles[0]").isEqualTo("REVIEWER")
                .jsonPath("$.organisations[0]").isEqualTo("stiftung-neuerkerode");
    }

    @Test
    void aRoleCheckRefusesOtherRolesWith403ProblemDocument() {
        client.get().uri("/api/coordination").headers(h -> h.setBasicAuth("fg-gesundheit", "demo")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        client.get().uri("/api/coordination").headers(h -> h.setBasicAuth("koordination", "demo")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aJwtBecomesACallerWithRolesFocusGroupAndOrganisations() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("anna")
                .claim(CallerResolver.ROLES_CLAIM, List.of("FOCUS_GROUP", "SOMETHING_ELSE"))
                .claim(CallerResolver.FOCUS_GROUP_CLAIM, "EDUCATION_LANGUAGE")
                .claim(CallerResolver.ORGANISATIONS_CLAIM, List.of("kreisvolkshochschule-goslar"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        var authentication = JwtAuthentication.from(jwt);
        Caller caller = new CallerResolver(new PlatformSecurityProperties(true, List.of())).toCaller(authentication);
        org.assertj.core.api.Assertions.assertThat(caller)
                .isEqualTo(new Caller("anna", java.util.Set.of(Role.FOCUS_GROUP), io.proposalflow.events.Themenfeld.EDUCATION_LANGUAGE,
                        java.util.Set.of("kreisvolkshochschule-goslar")));
    }
}
