package io.proposalflow.platform.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/** The filter around one request with a key: the operation itself runs exactly once, with its body. */
class IdempotencyFilterTest {

    /** Stands for a controller method that creates something. */
    static class Creating {
        @Idempotent
        public void create() {
        }
    }

    private final List<String> bodiesSeen = new CopyOnWriteArrayList<>();

    private final WebFilterChain handler = exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
            .map(buffer -> buffer.toString(StandardCharsets.UTF_8))
            .defaultIfEmpty("(no body)")
            .flatMap(body -> {
                bodiesSeen.add(body);
                exchange.getResponse().setStatusCode(HttpStatus.CREATED);
                return exchange.getResponse().setComplete();
            });

    @Test
    void aRequestWithAKeyRunsTheOperationOnceWithItsBody() throws Exception {
        IdempotencyRecords records = mock(IdempotencyRecords.class);
        when(records.claim(anyString(), anyString())).thenReturn(Mono.just(new IdempotencyRecords.Claimed()));
        when(records.answer(anyString(), anyInt(), any(), any())).thenReturn(Mono.empty());
        when(records.release(anyString())).thenReturn(Mono.empty());
        IdempotencyFilter filter = new IdempotencyFilter(records, mapping());

        Principal caller = () -> "fg-arbeitswelt";
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/proposals")
                        .header(Idempotent.HEADER, "3f1c9a52-2c5e-4c0e-9d5a-7a1e2b3c4d5e").body("{\"title\":\"Akti(F)\"}"))
                .mutate().principal(Mono.just(caller)).build();

        filter.filter(exchange, handler).block();

        assertThat(bodiesSeen).containsExactly("{\"title\":\"Akti(F)\"}");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<RequestMappingHandlerMapping> mapping() throws NoSuchMethodException {
        RequestMappingHandlerMapping mapping = mock(RequestMappingHandlerMapping.class);
        when(mapping.getHandlerInternal(any())).thenReturn(
                Mono.just(new HandlerMethod(new Creating(), Creating.class.getMethod("create"))));
        ObjectProvider<RequestMappingHandlerMapping> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(mapping);
        return provider;
    }
}
