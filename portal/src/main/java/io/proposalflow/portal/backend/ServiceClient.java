package io.proposalflow.portal.backend;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * The portal's client of one service: the signed-in user's credentials on every request, a connect
 * and a response timeout, and a circuit breaker, so a service that is down costs a page one quick
 * "not reachable" instead of a hanging request, and the other services' pages keep working.
 * A 4xx answer is the service refusing something ({@link ApiProblemException}); only failures to
 * answer (connection, timeout, 5xx) count against the breaker.
 */
public final class ServiceClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int IN_PROGRESS_RETRIES = 5;
    private static final Duration IN_PROGRESS_WAIT = Duration.ofMillis(500);

    /** The service is still processing the first request with this key. */
    private static final class FirstStillRunning extends RuntimeException {
        FirstStillRunning() {
            super("the first request with this Idempotency-Key is still running", null, false, false);
        }
    }

    private final Backend backend;
    private final WebClient web;
    private final CircuitBreaker breaker;
    private final Duration deadline;

    public ServiceClient(Backend backend, String baseUrl, WebClient.Builder builder, ExchangeFilterFunction auth,
            Duration connectTimeout, Duration responseTimeout) {
        this.backend = backend;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .responseTimeout(responseTimeout);
        this.web = builder.clone().baseUrl(baseUrl).clientConnector(new ReactorClientHttpConnector(http))
                .filter(auth).build();
        this.breaker = CircuitBreaker.of(backend.serviceName(), CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                .ignoreExceptions(ApiProblemException.class)
                .build());
        // the whole call, body included, within connect + response time and a little slack
        this.deadline = connectTimeout.plus(responseTimeout).plusSeconds(1);
    }

    public Backend backend() {
        return backend;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    public <T> Mono<T> get(String uri, Class<T> type) {
        return call(HttpMethod.GET, uri, null, null, r -> r.bodyToMono(type));
    }

    public <T> Mono<T> get(String uri, ParameterizedTypeReference<T> type) {
        return call(HttpMethod.GET, uri, null, null, r -> r.bodyToMono(type));
    }

    /**
     * Every entry of a paged list ({@code page}/{@code size}, the same in every service), read page by
     * page at the largest size the services allow; {@code uri} has no query string.
     */
    public <T> Mono<java.util.List<T>> getAll(String uri, ParameterizedTypeReference<Dtos.Page<T>> type) {
        int size = 100;
        return get(uri + "?page=0&size=" + size, type).flatMap(first -> reactor.core.publisher.Flux
                .range(1, Math.max(0, first.totalPages() - 1))
                .concatMap(page -> get(uri + "?page=" + page + "&size=" + size, type))
                .startWith(first)
                .concatMapIterable(Dtos.Page::content)
                .collectList());
    }

    /** A GET that also returns the ETag, which changes must send back as If-Match. */
    public <T> Mono<ResponseEntity<T>> getEntity(String uri, Class<T> type) {
        return call(HttpMethod.GET, uri, null, null, r -> r.toEntity(type));
    }

    public <T> Mono<T> send(HttpMethod method, String uri, Object body, String ifMatch, Class<T> type) {
        return send(method, uri, body, ifMatch, null, type);
    }

    /**
     * A change sent with the {@code Idempotency-Key} of the form it comes from, so that the same form sent
     * twice (a double click, a reload) takes effect once and both answers are the first one's. While the
     * first is still being processed the service asks to come back shortly (409 with Retry-After): the
     * repeat waits for the first one's answer instead of showing an error.
     */
    public <T> Mono<T> send(HttpMethod method, String uri, Object body, String ifMatch, String idempotencyKey,
            Class<T> type) {
        return call(method, uri, body, ifMatch, idempotencyKey, r -> r.bodyToMono(type));
    }

    private <T> Mono<T> call(HttpMethod method, String uri, Object body, String ifMatch,
            Function<ClientResponse, Mono<T>> read) {
        return call(method, uri, body, ifMatch, null, read);
    }

    private <T> Mono<T> call(HttpMethod method, String uri, Object body, String ifMatch, String idempotencyKey,
            Function<ClientResponse, Mono<T>> read) {
        WebClient.RequestBodySpec request = web.method(method).uri(uri);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        WebClient.RequestHeadersSpec<?> spec = body == null ? request : request.bodyValue(body);
        return spec.exchangeToMono(response -> {
                    HttpStatusCode status = response.statusCode();
                    if (idempotencyKey != null && status.value() == 409
                            && response.headers().header(HttpHeaders.RETRY_AFTER).size() == 1) {
                        return response.releaseBody().then(Mono.error(new FirstStillRunning()));
                    }
                    if (status.is4xxClientError()) {
                        return problem(response).flatMap(Mono::error);
                    }
                    if (status.isError()) {
                        return response.createException().flatMap(Mono::error);
                    }
                    return read.apply(response);
                })
                .retryWhen(Retry.fixedDelay(IN_PROGRESS_RETRIES, IN_PROGRESS_WAIT)
                        .filter(FirstStillRunning.class::isInstance)
                        .onRetryExhaustedThrow((retries, signal) -> new ApiProblemException(409,
                                "the first request with this Idempotency-Key is still running", Map.of())))
                .timeout(deadline.plus(IN_PROGRESS_WAIT.multipliedBy(IN_PROGRESS_RETRIES)))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(e -> !(e instanceof ApiProblemException), e -> new BackendUnavailableException(backend, e));
    }

    private static Mono<ApiProblemException> problem(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(ApiProblemException.Problem.class)
                .map(p -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    if (p.errors() != null) {
                        p.errors().forEach(e -> fields.putIfAbsent(e.field(), e.message()));
                    }
                    return new ApiProblemException(status, p.detail(), fields);
                })
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(new ApiProblemException(status, null, Map.of()));
    }
}
