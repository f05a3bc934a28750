package io.proposalflow.testsupport;

/**
 * Backends somebody else runs, given as {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI},
 * {@code SMTP_HOST}, {@code SMTP_PORT} (default 25) and {@code IMAP_PORT} (optional).
 */
final class EnvironmentBackends implements Backends {

    private static final int DEFAULT_SMTP_PORT = 25;

    private final Settings settings;

    EnvironmentBackends(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String kafkaBootstrapServers() {
        return required(Settings.KAFKA_BOOTSTRAP_SERVERS);
    }

    @Override
    public String mongoUri() {
        return MongoUris.withoutDatabase(required(Settings.MONGODB_URI));
    }

    @Override
    public String smtpHost() {
        return required(Settings.SMTP_HOST);
    }

    @Override
    public int smtpPort() {
        return settings.port(Settings.SMTP_PORT).orElse(DEFAULT_SMTP_PORT);
    }

    @Override
    public int imapPort() {
        return settings.port(Settings.IMAP_PORT).orElse(-1);
    }

    private String required(String name) {
        return settings.get(name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
    }

    @Override
    public void close() {
        // nothing was started here
    }
}
