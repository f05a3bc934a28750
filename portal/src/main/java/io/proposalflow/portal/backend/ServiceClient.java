package io.proposalflow.portal.backend;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
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

/**
 * The portal's client of one service: the signed-in user's credentials on every request, a connect
 * and a response timeout, and a circuit breaker, so a service that is down costs a page one quick
 * "not reachable" instead of a hanging request, and the other services' pages keep working.
 * A 4xx answer is the service refusing something ({@link ApiProblemException}); only failures to
 * answer (connection, timeout, 5xx) count against the breaker.
 */
public final class ServiceClient {

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
        return call(method, uri, body, ifMatch, r -> r.bodyToMono(type));
    }

    private <T> Mono<T> call(HttpMethod method, String uri, Object body, String ifMatch,
            Function<ClientResponse, Mono<T>> read) {
        WebClient.RequestBodySpec request = web.method(method).uri(uri);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        WebClient.RequestHeadersSpec<?> spec = body == null ? request : request.bodyValue(body);
        return spec.exchangeToMono(response -> {
                    HttpStatusCode status = response.statusCode();
                    if (status.is4xxClientError()) {
                        return problem(response).flatMap(Mono::error);
                    }
                    if (status.isError()) {
                        return response.createException().flatMap(Mono::error);
                    }
                    return read.apply(response);
                })
                .timeout(deadline)
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
