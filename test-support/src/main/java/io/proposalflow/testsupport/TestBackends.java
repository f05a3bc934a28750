package io.proposalflow.testsupport;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.proposalflow.devstack.EmbeddedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The Kafka, MongoDB and mail servers of all integration tests in this JVM.
 *
 * <p>Each backend comes from the first of:
 * <ol>
 *   <li>the environment: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI},
 *       {@code SMTP_HOST} + {@code SMTP_PORT} (default 25) + {@code IMAP_PORT} (optional), each
 *       backend independently;</li>
 *   <li>Testcontainers, when a Docker engine is available ({@value ContainerBackends#KAFKA_IMAGE},
 *       {@value ContainerBackends#MONGO_IMAGE} as a single-node replica set,
 *       {@value ContainerBackends#GREENMAIL_IMAGE});</li>
 *   <li>the embedded devstack servers in this JVM on free ports (in-memory MongoDB, Kafka on a
 *       temporary directory, GreenMail).</li>
 * </ol>
 * {@code TEST_BACKENDS=environment|testcontainers|embedded} forces one mode for all three and
 * fails when that mode is impossible. Every setting may also be given as a system property of the
 * same name.
 *
 * <p>The backends start on the first {@link #get()}, are logged once, and stop in a JVM shutdown
 * hook; tests never stop them.
 */
public final class TestBackends {

    /** Where a backend comes from. */
    public enum Mode { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    private static final Logger LOG = LoggerFactory.getLogger(TestBackends.class);

    private static TestBackends instance;
    private static RuntimeException startFailure;

    private final BackendSelection selection;
    private final Backends kafka;
    private final Backends mongo;
    private final Backends mail;
    private final Set<Backends> sources;

    private TestBackends(BackendSelection selection, Backends environment, Backends started) {
        this.selection = selection;
        this.kafka = selection.kafka() == Mode.ENVIRONMENT ? environment : started;
        this.mongo = selection.mongo() == Mode.ENVIRONMENT ? environment : started;
        this.mail = selection.mail() == Mode.ENVIRONMENT ? environment : started;
        this.sources = new LinkedHashSet<>();
        sources.add(environment);
        if (started != null) {
            sources.add(started);
        }
    }

    /** The backends of this JVM, started on the first call. */
    public static synchronized TestBackends get() {
        if (startFailure != null) {
            // every later test fails fast with the original cause instead of starting again
            throw new IllegalStateException("The test backends failed to start earlier", startFailure);
        }
        if (instance == null) {
            try {
                instance = start(Settings.fromEnvironment(), TestBackends::dockerAvailable);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "test-backends-shutdown"));
        }
        return instance;
    }

    /** A separate set of backends that the caller closes; for the tests of this module. */
    static TestBackends start(Settings settings, BooleanSupplier dockerAvailable) {
        BackendSelection selection = BackendSelection.choose(settings, dockerAvailable);
        boolean kafka = selection.kafka() != Mode.ENVIRONMENT;
        boolean mongo = selection.mongo() != Mode.ENVIRONMENT;
        boolean mail = selection.mail() != Mode.ENVIRONMENT;
        Backends started = null;
        if (selection.uses(Mode.TESTCONTAINERS)) {
            started = ContainerBackends.start(kafka, mongo, mail);
        } else if (selection.uses(Mode.EMBEDDED)) {
            started = EmbeddedBackends.start(kafka, mongo, mail);
        }
        TestBackends backends = new TestBackends(selection, new EnvironmentBackends(settings), started);
        LOG.info("Test backends: {}", backends.describe());
        return backends;
    }

    private static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /**
     * The mode of the backends this JVM started itself (Testcontainers or embedded), or
     * {@link Mode#ENVIRONMENT} when all three come from the environment. Use
     * {@link #kafkaMode()}, {@link #mongoMode()} and {@link #mailMode()} when they differ.
     */
    public Mode mode() {
        if (selection.uses(Mode.TESTCONTAINERS)) {
            return Mode.TESTCONTAINERS;
        }
        return selection.uses(Mode.EMBEDDED) ? Mode.EMBEDDED : Mode.ENVIRONMENT;
    }

    public Mode kafkaMode() {
        return selection.kafka();
    }

    public Mode mongoMode() {
        return selection.mongo();
    }

    public Mode mailMode() {
        return selection.mail();
    }

    /** e.g. {@code 127.0.0.1:40123} */
    public String kafkaBootstrapServers() {
        return kafka.kafkaBootstrapServers();
    }

    /** The server URI without a database, e.g. {@code mongodb://127.0.0.1:40124}. */
    public String mongoUri() {
        return mongo.mongoUri();
    }

    /** The server URI with {@code database}, keeping any options of the server URI. */
    public String mongoUri(String database) {
        return MongoUris.withDatabase(mongo.mongoUri(), database);
    }

    public String smtpHost() {
        return mail.smtpHost();
    }

    public int smtpPort() {
        return mail.smtpPort();
    }

    /**
     * The IMAP port on {@link #smtpHost()}, where a login as the recipient address (any password)
     * reads that recipient's mail; -1 when the mail server comes from the environment without
     * {@code IMAP_PORT}.
     */
    public int imapPort() {
        return mail.imapPort();
    }

    /** The in-JVM GreenMail server, present in embedded mail mode only. */
    public Optional<EmbeddedMail> embeddedMail() {
        return mail.embeddedMail();
    }

    String describe() {
        return String.format("kafka=%s (%s), mongodb=%s (%s), mail=%s (smtp %s:%d, imap port %d)",
                kafkaMode(), kafkaBootstrapServers(), mongoMode(), mongoUri(),
                mailMode(), smtpHost(), smtpPort(), imapPort());
    }

    /** Stops what this instance started; the JVM-wide instance is stopped by its shutdown hook. */
    void close() {
        sources.forEach(Closer::closeQuietly);
    }
}
