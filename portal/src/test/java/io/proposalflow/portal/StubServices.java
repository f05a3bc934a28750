package io.proposalflow.portal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A stand-in for one service's HTTP API on 127.0.0.1 and a free port, answering like the real one
 * does for the demo users (password "demo"): 401 for anyone else, 403 for a role the resource is not
 * for. It records the requests it got (and their bodies) and can be told to fail (503) as if the service were down.
 */
final class StubServices implements AutoCloseable {

    /** (request path with query, user) -> (status, JSON body). */
    record Answer(int status, String json) {
    }

    private final DisposableServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** "METHOD uri key" of every request that carried an Idempotency-Key. */
    final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    /** How many requests with an Idempotency-Key to answer first as the services do while the first runs. */
    final java.util.concurrent.atomic.AtomicInteger stillRunning = new java.util.concurrent.atomic.AtomicInteger();
    /** "METHOD uri body" of every request that had a body. */
    final List<String> bodies = new CopyOnWriteArrayList<>();
    /** The Authorization header of each request, in order. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile boolean down;

    StubServices(BiFunction<String, String, Answer> routes) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("").flatMap(body -> {
                    String uri = request.uri();
                    requests.add(request.method().name() + " " + uri);
                    if (!body.isEmpty()) {
                        bodies.add(request.method().name() + " " + uri + " " + body);
                    }
                    authorizations.add(String.valueOf(request.requestHeaders().get("Authorization")));
                    if (down) {
                        return response.status(503).send().then();
                    }
                    String key = request.requestHeaders().get("Idempotency-Key");
                    if (key != null) {
                        idempotencyKeys.add(request.method().name() + " " + uri + " " + key);
                        if (stillRunning.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            return response.status(409).header("Retry-After", "1")
                                    .header("Content-Type", "application/problem+json")
                                    .sendString(Mono.just("{\"title\":\"Request still in progress\"}")).then();
                        }
                    }
                    String user = user(request);
                    Answer answer = user == null ? new Answer(401, "{\"detail\":\"unauthenticated\"}")
                            : routes.apply(uri, user);
                    return response.status(answer.status())
                            .header("Content-Type", answer.status() >= 400 ? "application/problem+json"
                                    : "application/json")
                            .sendString(Mono.just(answer.json())).then();
                }))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * The demo user of a Basic header with the right password, or the subject of a bearer token (the
     * services check its signature, issuer and audience; OidcAccessTest in proposal-service), else null.
     */
    private static String user(HttpServerRequest request) {
        String header = request.requestHeaders().get("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            return claims(header.substring(7)).get("sub").asString();
        }
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String[] pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
                .split(":", 2);
        return pair.length == 2 && pair[1].equals("demo") ? pair[0] : null;
    }

    /** The claims of a JWT, read without checking it. */
    static tools.jackson.databind.JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static final String EMPTY_PAGE = "{\"content\":[],\"page\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}";
    static final Answer FORBIDDEN = new Answer(403, "{\"detail\":\"forbidden\"}");

    @Override
    public void close() {
        server.disposeNow();
    }
}
