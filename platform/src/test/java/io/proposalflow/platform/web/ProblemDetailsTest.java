package io.proposalflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.platform.config.PlatformSecurityAutoConfiguration;
import io.proposalflow.platform.config.PlatformWebAutoConfiguration;
import io.proposalflow.platform.errors.ConflictException;
import io.proposalflow.platform.errors.InvalidInputException;
import io.proposalflow.platform.errors.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@WebFluxTest
@ContextConfiguration(classes = { ProblemDetailsTest.DraftController.class, ProblemDetailsAdvice.class })
@ImportAutoConfiguration({ PlatformSecurityAutoConfiguration.class, PlatformWebAutoConfiguration.class })
class ProblemDetailsTest {

    record Draft(
            @NotBlank(message = "must not be blank") @Size(max = 20, message = "at most 20 characters") String title,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 9, fraction = 2, message = "at most two decimals") BigDecimal budgetEur,
            @Valid List<@Valid Partner> partners) {
    }

    record Partner(@NotBlank(message = "must not be blank") String id) {
    }

    enum Colour { RED, GREEN }

    record Label(Colour colour, LocalDate printedOn, List<String> lines) {
    }

    @RestController
    @Validated
    static class DraftController {

        @PostMapping("/drafts")
        Draft create(@Valid @RequestBody Draft draft) {
            return draft;
        }

        @GetMapping("/drafts")
        PageResponse<String> list(@Valid @ModelAttribute PageQuery page) {
            return PageResponse.of(List.of("a"), page, 1);
        }

        @PostMapping("/labels")
        Label label(@RequestBody Label label) {
            return label;
        }

        @GetMapping("/labels/{id}")
        Label labelOf(@PathVariable UUID id, @RequestParam(required = false) Colour colour) {
            return new Label(colour, null, List.of());
        }

        @GetMapping("/colours/{colour}")
        Label colour(@PathVariable Colour colour) {
            return new Label(colour, null, List.of());
        }

        @GetMapping("/drafts/{id}")
        Draft get(@PathVariable String id) {
            switch (id) {
                case "missing" -> throw NotFoundException.of("Proposal", id);
                case "submitted" -> throw new ConflictException("Proposal is SUBMITTED; it cannot be edited.",
                        Map.of("currentStatus", "SUBMITTED", "allowedActions", List.of("withdraw")));
                case "stale" -> throw new OptimisticLockingFailureException("version 3 expected");
                case "uncommented" -> throw new InvalidInputException("comment", "is required for a rejection");
                case "boom" -> throw new IllegalStateException("database password is hunter2");
                default -> {
                    return new Draft(id, BigDecimal.ONE, List.of());
                }
            }
        }
    }

    WebTestClient client;

    @Autowired
    void client(WebTestClient unauthenticated) {
        client = unauthenticated.mutate().defaultHeaders(h -> h.setBasicAuth("koordination", "demo")).build();
    }

    @Test
    void invalidFieldsAreEachNamedInAProblemDocument() {
        client.post().uri("/drafts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "", "budgetEur": -1.005, "partners": [{"id": " "}]}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == 'title')].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[?(@.field == 'partners[0].id')].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[?(@.field == 'budgetEur')].message").value(messages ->
                        assertThat(messages.toString()).contains("must not be negative").contains("at most two decimals"));
    }

    @Test
    void anUnknownFieldIsRefusedAndNamed() {
        client.post().uri("/drafts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"Akti(F)\", \"budgetEur\": 1, \"titel\": \"typo\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Field 'titel' unknown field")
                .jsonPath("$.errors[0].field").isEqualTo("titel");
    }

    @Test
    void malformedJsonIsABadRequest() {
        client.post().uri("/drafts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Unreadable request body");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "x".repeat(300 * 1024);
        client.post().uri("/drafts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"" + huge + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void domainErrorsMapToTheirStatus() {
        client.get().uri("/drafts/missing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Proposal missing not found");
        client.get().uri("/drafts/submitted").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentStatus").isEqualTo("SUBMITTED")
                .jsonPath("$.allowedActions[0]").isEqualTo("withdraw");
        client.get().uri("/drafts/uncommented").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("comment")
                .jsonPath("$.errors[0].message").isEqualTo("is required for a rejection");
        client.get().uri("/drafts/stale").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.title").isEqualTo("Stale version");
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() {
        client.get().uri("/drafts/boom").exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("hunter2").contains("errorId"));
    }

    @Test
    void pagingParametersAreValidated() {
        client.get().uri("/drafts?page=-1&size=500").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'page')].message").isEqualTo("must be 0 or more")
                .jsonPath("$.errors[?(@.field == 'size')].message").isEqualTo("must be between 1 and 100");
        client.get().uri("/drafts").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.totalElements").isEqualTo(1);
    }

    /** A partner's IT reads the field and what it must be; never a Java type it cannot know. */
    @Test
    void aValueOfTheWrongTypeIsNamedWithWhatItMustBeNotWithAJavaType() {
        expectInvalid(client.post().uri("/labels").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"colour\": \"PURPLE\"}").exchange(), "colour", "must be one of RED, GREEN");
        expectInvalid(client.post().uri("/labels").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"printedOn\": \"30.09.2025\"}").exchange(), "printedOn", "must be a date (YYYY-MM-DD)");
        expectInvalid(client.post().uri("/labels").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\": {\"a\": 1}}").exchange(), "lines", "must be an array");
        expectInvalid(client.get().uri("/labels/" + UUID.randomUUID() + "?colour=PURPLE").exchange(),
                "colour", "must be one of RED, GREEN");
        expectInvalid(client.get().uri("/labels/not-a-uuid").exchange(), "id", "must be a UUID");
        expectInvalid(client.get().uri("/drafts?page=first").exchange(), "page", "must be a whole number");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415ThatNamesNoJavaType() {
        client.post().uri("/labels").contentType(MediaType.TEXT_PLAIN).bodyValue("colour: RED").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("io.proposalflow", "java."));
    }

    private static void expectInvalid(WebTestClient.ResponseSpec response, String field, String message) {
        String body = response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"field\":\"" + field + "\"", "\"message\":\"" + message + "\"")
                .doesNotContain("java.", "io.proposalflow", "`", "Failed to convert");
    }

    /** The fuzzer's finding: a path segment of only blanks was a 500 on every service. */
    @Test
    void aBlankPathSegmentIsAnInputErrorNotAServerError() {
        expectInvalid(client.get().uri(java.net.URI.create("/labels/%20")).exchange(), "id", "must be a UUID");
        expectInvalid(client.get().uri(java.net.URI.create("/colours/%20")).exchange(), "colour", "must be one of RED, GREEN");
    }

    /** page * size must fit MongoDB's skip (an int): a page beyond that is refused, never sent as a negative skip. */
    @Test
    void aPageWhoseOffsetOverflowsIsRefused() {
        client.get().uri("/drafts?page=21474837&size=100").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 0 and " + PageQuery.MAX_PAGE);
        client.get().uri("/drafts?page=" + PageQuery.MAX_PAGE + "&size=100").exchange().expectStatus().isOk();
    }

    /** Spring Security's firewall refuses these before any controller; the answer is a problem document too. */
    @Test
    void aRequestTheFirewallRefusesIsAProblemDocument() {
        for (String path : List.of("/drafts/a%2Fb", "/drafts/a%00b", "/drafts/a%25b", "/drafts/a%3Bb", "/drafts/..%2F")) {
            client.get().uri(java.net.URI.create(path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.title").isEqualTo("Rejected request")
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("java."));
        }
    }

    @Test
    void anUnknownRouteIsAProblemDocumentToo() {
        client.get().uri("/nowhere").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
