package io.proposalflow.testsupport;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.proposalflow.devstack.EmbeddedKafka;
import io.proposalflow.devstack.EmbeddedMail;
import io.proposalflow.devstack.EmbeddedMongo;

/**
 * The devstack servers inside the test JVM on free ports: Kafka on a temporary directory, MongoDB
 * in memory, GreenMail in memory. Nothing outlives the JVM.
 */
final class EmbeddedBackends implements Backends {

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedMail mail;

    private EmbeddedBackends(EmbeddedKafka kafka, EmbeddedMongo mongo, EmbeddedMail mail) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.mail = mail;
    }

    /** Starts the requested servers in parallel; a failure stops the ones that came up. */
    static EmbeddedBackends start(boolean withKafka, boolean withMongo, boolean withMail) {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<EmbeddedKafka> kafka =
                    startIf(withKafka, executor, () -> EmbeddedKafka.startTemporary(0, 0));
            CompletableFuture<EmbeddedMongo> mongo =
                    startIf(withMongo, executor, () -> EmbeddedMongo.startInMemory(0));
            CompletableFuture<EmbeddedMail> mail =
                    startIf(withMail, executor, () -> EmbeddedMail.start(0, 0));
            try {
                CompletableFuture.allOf(kafka, mongo, mail).join();
            } catch (CompletionException e) {
                for (CompletableFuture<? extends AutoCloseable> server : List.of(kafka, mongo, mail)) {
                    if (!server.isCompletedExceptionally()) {
                        Closer.closeQuietly(server.join());
                    }
                }
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return new EmbeddedBackends(kafka.join(), mongo.join(), mail.join());
        } finally {
            executor.shutdown();
        }
    }

    private static <T> CompletableFuture<T> startIf(boolean wanted, ExecutorService executor, Supplier<T> start) {
        return wanted ? CompletableFuture.supplyAsync(start, executor) : CompletableFuture.completedFuture(null);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public String smtpHost() {
        return mail.host();
    }

    @Override
    public int smtpPort() {
        return mail.smtpPort();
    }

    @Override
    public int imapPort() {
        return mail.imapPort();
    }

    @Override
    public Optional<EmbeddedMail> embeddedMail() {
        return Optional.ofNullable(mail);
    }

    @Override
    public void close() {
        // Kafka last: it takes longest, and closes its logs before its temporary directory goes
        Stream.of(mail, mongo, kafka).forEach(Closer::closeQuietly);
    }
}
