package io.proposalflow.platform.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.proposalflow.platform.web.ProblemWriter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes an operation marked {@link Idempotent} safe to retry: the first request with an
 * {@code Idempotency-Key} runs as usual and its answer (status, body, {@code Location}, {@code ETag})
 * is stored under caller and key; a repeat with the same key and the same request (method, path,
 * body) gets that answer again and runs nothing; the same key with another request is a 422; a
 * repeat while the first is still running is a 409. Keys are scoped per caller (the authenticated
 * name), so two callers never see each other's answers. Only successful answers are kept: after an
 * error (4xx, 5xx), which changed nothing, the key is free again, so a repeat runs again (and may
 * carry a corrected body). Without the header, or on other operations, nothing changes.
 *
 * <p>Runs after Spring Security (the caller is known, unauthenticated requests never get here). The
 * key's record and the effect are two writes: if the service dies after the effect and before the
 * answer is recorded, a retry after the lease runs the request again (docs/architecture.md).
 */
public class IdempotencyFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /** Printable ASCII, as the IETF draft's sf-string, at most 255 characters. */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");
    private static final int MAX_BODY = 256 * 1024;
    private static final List<String> REPEATED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.ETAG);

    private final IdempotencyRecords records;
    private final ObjectProvider<RequestMappingHandlerMapping> handlerMapping;

    public IdempotencyFilter(IdempotencyRecords records, ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
        this.records = records;
        this.handlerMapping = handlerMapping;
    }

    @Override
    public int getOrder() {
        // after Spring Security's filter chain (-100), before anything else of the application
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(Idempotent.HEADER);
        HttpMethod method = exchange.getRequest().getMethod();
        if (key == null || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return chain.filter(exchange);
        }
        return idempotentOperation(exchange).flatMap(idempotent -> {
            if (!idempotent) {
                return chain.filter(exchange);
            }
            if (!KEY.matcher(key).matches()) {
                return problem(exchange, HttpStatus.BAD_REQUEST, "Invalid request", "1 field is invalid.",
                        Map.of("errors", List.of(Map.of("field", Idempotent.HEADER,
                                "message", "must be 1 to 255 printable characters"))));
            }
            // once(...) completes empty like every filter: a switchIfEmpty after it would run the handler a
            // second time, so "no caller" is decided before, not after
            return exchange.getPrincipal().map(Principal::getName).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(caller -> caller.isPresent() ? once(exchange, chain, caller.get(), key)
                            : chain.filter(exchange));
        });
    }

    private Mono<Boolean> idempotentOperation(ServerWebExchange exchange) {
        RequestMappingHandlerMapping mapping = handlerMapping.getIfAvailable();
        if (mapping == null) {
            return Mono.just(false);
        }
        return mapping.getHandlerInternal(exchange)
                .map(handler -> handler.hasMethodAnnotation(Idempotent.class))
                // no route, wrong method or media type: the dispatcher answers that as usual
                .onErrorReturn(false)
                .defaultIfEmpty(false);
    }

    private Mono<Void> once(ServerWebExchange exchange, WebFilterChain chain, String caller, String key) {
        return bytes(DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY))
                .flatMap(body -> {
                    String id = sha256(caller.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
                    String fingerprint = sha256((exchange.getRequest().getMethod().name() + " "
                            + exchange.getRequest().getPath().pathWithinApplication().value())
                            .getBytes(StandardCharsets.UTF_8), body);
                    return records.claim(id, fingerprint).flatMap(found -> answer(exchange, chain, id, body, found));
                })
                .onErrorResume(DataBufferLimitException.class, e -> problem(exchange, HttpStatus.CONTENT_TOO_LARGE,
                        "Request body too large", "The request body is larger than this API accepts.", Map.of()));
    }

    private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body,
            IdempotencyRecords.Found found) {
        if (found instanceof IdempotencyRecords.Answer answer) {
            return replay(exchange, answer);
        }
        if (found instanceof IdempotencyRecords.OtherRequest) {
            return problem(exchange, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key already used",
                    "This Idempotency-Key was used for another request (another body or operation) within the "
                            + "last 24 hours. Use a new key for a new request.", Map.of());
        }
        if (found instanceof IdempotencyRecords.InProgress) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problem(exchange, HttpStatus.CONFLICT, "Request still in progress",
                    "The first request with this Idempotency-Key is still being processed; send it again in a "
                            + "moment to get its answer.", Map.of());
        }
        return proceed(exchange, chain, id, body);
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        RecordingResponse response = new RecordingResponse(exchange.getResponse(), id);
        return chain.filter(exchange.mutate().request(request).response(response).build())
                .onErrorResume(e -> records.release(id).onErrorResume(ignored -> Mono.empty()).then(Mono.error(e)));
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotencyRecords.Answer answer) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        answer.headers().forEach((name, value) -> response.getHeaders().set(name, value));
        response.getHeaders().set(Idempotent.REPLAYED_HEADER, "true");
        if (answer.body().length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    /** Keeps the answer before it goes out, so that a repeat arriving right after finds it. */
    private final class RecordingResponse extends ServerHttpResponseDecorator {

        private final String id;

        RecordingResponse(ServerHttpResponse delegate, String id) {
            super(delegate);
            this.id = id;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return bytes(DataBufferUtils.join(Flux.from(body)))
                    .flatMap(bytes -> record(bytes).then(Mono.defer(() ->
                            getDelegate().writeWith(Mono.just(bufferFactory().wrap(bytes))))));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).flatMapSequential(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return record(new byte[0]).then(Mono.defer(getDelegate()::setComplete));
        }

        private Mono<Void> record(byte[] bytes) {
            HttpStatusCode status = getStatusCode() == null ? HttpStatus.OK : getStatusCode();
            if (status.isError()) {
                // an error changed nothing (nothing here is half-written): a repeat, perhaps with a
                // corrected body, runs again instead of being told the old error
                return records.release(id).onErrorResume(e -> Mono.empty());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : REPEATED_HEADERS) {
                String value = getHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            return records.answer(id, status.value(), headers, bytes)
                    // the answer itself went right; a repeat will find the key still in progress
                    .onErrorResume(e -> {
                        log.warn("Could not record the answer to an idempotency key: {}", e.toString());
                        return Mono.empty();
                    });
        }
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        return ProblemWriter.write(exchange, status, title, detail, exchange.getRequest().getPath().value(),
                properties);
    }

    /** The joined buffer's bytes (none for an empty body); the buffer is released. */
    private static Mono<byte[]> bytes(Mono<DataBuffer> joined) {
        return joined.map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(new byte[0]);
    }

    private static String sha256(byte[] first, byte[] second) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(first);
            digest.update((byte) 0);
            digest.update(second);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
