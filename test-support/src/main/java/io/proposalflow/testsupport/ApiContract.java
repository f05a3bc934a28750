package io.proposalflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import reactor.core.publisher.Flux;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract as committed in {@code docs/api/<service>.json}, for the services' tests:
 * <ul>
 * <li>{@link #assertServedIsCommitted} fails when a running service describes its API differently from the
 * committed file, so every change of the contract shows up in review. With the system property (or
 * Maven user property) {@code api.contract.update=true} it writes the served description instead:
 * {@code scripts/update-api-docs.sh}.</li>
 * <li>{@link #validating} checks every answer a WebTestClient receives against that description: a status
 * it does not list, a media type it does not name or a body that does not match its schema fails the
 * request, and with it the test.</li>
 * </ul>
 */
public final class ApiContract {

    public static final String UPDATE_PROPERTY = "api.contract.update";

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            // numbers as written (999999999999.99, not 9.9999999999999E11)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ApiContract() {
    }

    /** {@code docs/api/<service>.json} of the checkout the tests run in. */
    public static Path committed(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("docs").resolve("api").resolve(service + ".json");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no project root (with docs/ and mvnw) above " + Path.of("").toAbsolutePath());
    }

    /**
     * Fails unless the service behind {@code client} serves the same description at every request, and
     * that description is the committed one.
     */
    public static void assertServedIsCommitted(String service, WebTestClient client) {
        String first = normalise(served(client));
        if (!first.equals(normalise(served(client)))) {
            throw new AssertionError(service + " serves a different description at each request; a committed "
                    + "description cannot keep up with that");
        }
        assertServedIsCommitted(service, first);
    }

    /**
     * @param served the description as the running service serves it at {@code /v3/api-docs}
     */
    public static void assertServedIsCommitted(String service, String served) {
        Path file = committed(service);
        String expected = normalise(served);
        if (Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, System.getenv("API_CONTRACT_UPDATE")))) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            VALIDATORS.remove(service);
            return;
        }
        String committed;
        try {
            committed = Files.exists(file) ? normalise(Files.readString(file, StandardCharsets.UTF_8)) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!committed.equals(expected)) {
            Path servedCopy = Path.of("target", "api-contract", service + ".json").toAbsolutePath();
            try {
                Files.createDirectories(servedCopy.getParent());
                Files.writeString(servedCopy, expected, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError("The API description " + service + " serves (written to " + servedCopy
                    + ") differs from the committed " + file + " " + firstDifference(committed, expected)
                    + "\nIf the change is intended, regenerate the committed descriptions with "
                    + "scripts/update-api-docs.sh and commit them.");
        }
    }

    /**
     * The description the service behind {@code client} serves at {@code /v3/api-docs}; the first request
     * builds it, which takes a while on a busy machine.
     */
    public static String served(WebTestClient client) {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** A WebTestClient filter that fails any answer the committed description of {@code service} does not allow. */
    public static ExchangeFilterFunction validating(String service) {
        return (request, next) -> next.exchange(request).flatMap(response -> DataBufferUtils
                .join(response.bodyToFlux(DataBuffer.class))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(body -> {
                    check(service, request, response, body);
                    return response.mutate()
                            .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                            .build();
                }));
    }

    private static void check(String service, ClientRequest request, ClientResponse response, byte[] body) {
        String path = request.url().getRawPath();
        if (!path.startsWith("/api/")) {
            return; // health, metrics and the description itself are not part of the API contract
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode().value());
        response.headers().asHttpHeaders().forEach((name, values) -> answer.withHeader(name, values));
        if (body.length > 0) {
            answer.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator(service).validateResponse(path,
                Request.Method.valueOf(request.method().name()), answer.build());
        if (report.hasErrors()) {
            List<String> messages = report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .map(message -> message.getKey() + ": " + message.getMessage())
                    .toList();
            throw new AssertionError("The answer " + response.statusCode().value() + " to " + request.method() + " "
                    + path + " breaks the API description " + committed(service).getFileName() + ":\n  "
                    + String.join("\n  ", messages) + "\nbody: " + new String(body, StandardCharsets.UTF_8));
        }
    }

    private static OpenApiInteractionValidator validator(String service) {
        return VALIDATORS.computeIfAbsent(service, name -> {
            try {
                return OpenApiInteractionValidator
                        .createForInlineApiSpecification(Files.readString(committed(name), StandardCharsets.UTF_8))
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The description with the members of every object in name order: springdoc writes a schema's members
     * in an order that depends on whether it serves a fresh or a cached copy, which is no change of the API.
     */
    public static String normalise(String json) {
        Object tree = CANONICAL.readValue(json, Object.class);
        return CANONICAL.writeValueAsString(tree).lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n")).strip() + "\n";
    }

    private static String firstDifference(String committed, String served) {
        List<String> a = committed.lines().toList();
        List<String> b = served.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "<end>";
            String right = i < b.size() ? b.get(i) : "<end>";
            if (!left.equals(right)) {
                return "at line " + (i + 1) + ":\n  committed: " + left.strip() + "\n  served:    " + right.strip();
            }
        }
        return "";
    }
}
