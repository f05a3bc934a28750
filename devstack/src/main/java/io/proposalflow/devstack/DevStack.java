package io.proposalflow.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka, MongoDB and mail together, as the services expect them on a developer machine. */
public final class DevStack implements AutoCloseable {

    // Created before the parallel start: SLF4J initialises once here instead of in three threads
    // at the same time, which makes it buffer and replay their first log calls with a warning.
    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedMail mail;

    private DevStack(EmbeddedKafka kafka, EmbeddedMongo mongo, EmbeddedMail mail) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.mail = mail;
    }

    /**
     * Starts the three servers in parallel (Kafka takes longest; the others finish meanwhile). If
     * one fails, the ones that did start are stopped again and the first failure is thrown.
     */
    public static DevStack start(DevStackConfig config) {
        // fail on a taken port before anything starts, instead of stopping half a stack again
        Ports.requireFree(config.kafkaPort(), "Kafka");
        Ports.requireFree(config.kafkaControllerPort(), "Kafka controller");
        Ports.requireFree(config.mongoPort(), "MongoDB");
        Ports.requireFree(config.smtpPort(), "SMTP");
        Ports.requireFree(config.imapPort(), "IMAP");

        LOG.debug("Starting the dev stack with {}", config);
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<EmbeddedKafka> kafka = startAsync(executor, () -> startKafka(config));
            CompletableFuture<EmbeddedMongo> mongo = startAsync(executor, () -> startMongo(config));
            CompletableFuture<EmbeddedMail> mail = startAsync(executor, () -> startMail(config));
            try {
                CompletableFuture.allOf(kafka, mongo, mail).join();
            } catch (CompletionException e) {
                closeStarted(List.of(kafka, mongo, mail));
                throw unwrap(e);
            }
            return new DevStack(kafka.join(), mongo.join(), mail.join());
        } finally {
            executor.shutdown();
        }
    }

    private static EmbeddedKafka startKafka(DevStackConfig config) {
        return config.persistent()
                ? EmbeddedKafka.start(config.kafkaDir(), config.kafkaPort(), config.kafkaControllerPort())
                : EmbeddedKafka.startTemporary(config.kafkaPort(), config.kafkaControllerPort());
    }

    private static EmbeddedMongo startMongo(DevStackConfig config) {
        return config.persistent()
                ? EmbeddedMongo.startPersistent(config.mongoFile(), config.mongoPort())
                : EmbeddedMongo.startInMemory(config.mongoPort());
    }

    private static EmbeddedMail startMail(DevStackConfig config) {
        return EmbeddedMail.start(config.persistent() ? config.mailDir() : null,
                config.smtpPort(), config.imapPort());
    }

    private static <T> CompletableFuture<T> startAsync(ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    /** allOf completes only after all three have finished, so each one is either up or failed. */
    private static void closeStarted(List<CompletableFuture<? extends AutoCloseable>> servers) {
        for (CompletableFuture<? extends AutoCloseable> server : servers) {
            if (!server.isCompletedExceptionally()) {
                closeQuietly(server.join());
            }
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception ignored) {
            // the start failure is what the caller needs to see
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public EmbeddedMail mail() {
        return mail;
    }

    /** Stops mail and MongoDB first (quick), then Kafka, which flushes and closes its logs. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable server : List.of(mail, mongo, kafka)) {
            try {
                server.close();
            } catch (Exception e) {
                failures.add(e instanceof RuntimeException re ? re : new IllegalStateException(e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }
}
