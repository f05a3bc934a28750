package io.proposalflow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for the services' public APIs, logged in as one user with HTTP Basic. Used
 * to load the demo data and by the system test, which must go through the public APIs only.
 */
public final class ApiClient {

    /** Amounts of money stay exact decimals, never doubles. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;

    private ApiClient(HttpClient http, String baseUrl, String authorization) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static ApiClient of(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new ApiClient(http, baseUrl, null);
    }

    /** The same server, as another user (password {@code demo} for every demo user). */
    public ApiClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(http, baseUrl, "Basic " + token);
    }

    public ApiClient as(String demoUser) {
        return as(demoUser, "demo");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    /** A request with extra headers (e.g. If-Match); a body of null sends none. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        try {
            return new Response(method + " " + path, http.send(request(method, path, body, headers),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ApiException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(method + " " + baseUrl + path + " interrupted", e);
        }
    }

    /** The same request without blocking a thread while it runs (for load generators). */
    public CompletableFuture<Response> sendAsync(String method, String path, Object body,
            Map<String, String> headers) {
        return http.sendAsync(request(method, path, body, headers),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Response(method + " " + path, response));
    }

    private HttpRequest request(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        // given headers replace the defaults (e.g. Accept: text/plain for a metrics scrape)
        headers.forEach(request::setHeader);
        return request.build();
    }

    /** {@code ?a=1&b=x} from pairs, encoded. */
    public static String query(Map<String, ?> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** A response with its body parsed as JSON (or null when empty). */
    public static final class Response {
        private final String request;
        private final HttpResponse<String> response;
        private JsonNode json;

        Response(String request, HttpResponse<String> response) {
            this.request = request;
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return response.body();
        }

        public JsonNode json() {
            if (json == null && response.body() != null && !response.body().isBlank()) {
                json = JSON.readTree(response.body());
            }
            return json;
        }

        /** This response's JSON if its status is the expected one; otherwise an error naming both. */
        public JsonNode expect(int expectedStatus) {
            if (status() != expectedStatus) {
                throw new ApiException(request + " answered " + status() + " (expected " + expectedStatus + "): "
                        + response.body(), null);
            }
            return json();
        }
    }

    public static final class ApiException extends RuntimeException {
        ApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
