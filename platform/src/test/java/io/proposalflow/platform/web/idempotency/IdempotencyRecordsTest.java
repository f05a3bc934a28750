package io.proposalflow.platform.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.proposalflow.testsupport.MovableClock;
import io.proposalflow.testsupport.TestBackends;

/** The key's record: who holds it, what answer it keeps, and when a repeat may run again. */
class IdempotencyRecordsTest {

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestBackends.get().mongoUri());
        mongo = new ReactiveMongoTemplate(client, "idempotency_test_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void theFirstRequestClaimsTheKeyARepeatWaitsAndThenGetsTheFirstAnswer() {
        IdempotencyRecords records = new IdempotencyRecords(mongo, Duration.ofHours(24), Duration.ofSeconds(60), Clock.systemUTC());
        String id = UUID.randomUUID().toString();

        assertThat(records.claim(id, "body-a").block()).isInstanceOf(IdempotencyRecords.Claimed.class);
        assertThat(records.claim(id, "body-a").block()).as("while the first still runs")
                .isInstanceOf(IdempotencyRecords.InProgress.class);
        assertThat(records.claim(id, "body-b").block()).isInstanceOf(IdempotencyRecords.OtherRequest.class);

        records.answer(id, 201, Map.of("Location", "/api/proposals/1", "ETag", "\"0\""),
                "{\"id\":1}".getBytes(StandardCharsets.UTF_8)).block();
        IdempotencyRecords.Found repeat = records.claim(id, "body-a").block();
        assertThat(repeat).isInstanceOfSatisfying(IdempotencyRecords.Answer.class, answer -> {
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.headers()).containsEntry("Location", "/api/proposals/1").containsEntry("ETag", "\"0\"");
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
        });
        assertThat(records.claim(id, "body-b").block()).isInstanceOf(IdempotencyRecords.OtherRequest.class);
    }

    @Test
    void aKeyReleasedAfterAServerErrorOrLeftBehindPastItsLeaseCanBeUsedAgain() {
        MovableClock clock = new MovableClock();
        IdempotencyRecords records = new IdempotencyRecords(mongo, Duration.ofHours(24), Duration.ofSeconds(60), clock);
        String released = UUID.randomUUID().toString();
        records.claim(released, "body").block();
        records.release(released).block();
        assertThat(records.claim(released, "body").block()).isInstanceOf(IdempotencyRecords.Claimed.class);

        String abandoned = UUID.randomUUID().toString();
        records.claim(abandoned, "body").block();
        clock.advance(Duration.ofSeconds(61));
        assertThat(records.claim(abandoned, "body").block()).as("its holder never answered")
                .isInstanceOf(IdempotencyRecords.Claimed.class);
        assertThat(records.claim(abandoned, "body").block()).as("and now the new holder has it")
                .isInstanceOf(IdempotencyRecords.InProgress.class);
    }

    @Test
    void aKeyOlderThanTheRetentionIsForgottenEvenWhereNothingExpiresIt() {
        MovableClock clock = new MovableClock();
        IdempotencyRecords records = new IdempotencyRecords(mongo, Duration.ofHours(24), Duration.ofSeconds(60), clock);
        String id = UUID.randomUUID().toString();
        records.claim(id, "body-a").block();
        records.answer(id, 200, Map.of(), new byte[0]).block();
        clock.advance(Duration.ofHours(25));
        assertThat(records.claim(id, "body-b").block()).isInstanceOf(IdempotencyRecords.Claimed.class);
    }
}
