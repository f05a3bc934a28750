package io.proposalflow.testsupport;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where test-support reads its settings: environment variables, or system properties of the same
 * name (handy in an IDE run configuration or {@code -DTEST_BACKENDS=embedded}).
 */
final class Settings {

    static final String TEST_BACKENDS = "TEST_BACKENDS";
    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    static final String MONGODB_URI = "MONGODB_URI";
    static final String SMTP_HOST = "SMTP_HOST";
    static final String SMTP_PORT = "SMTP_PORT";
    static final String IMAP_PORT = "IMAP_PORT";

    private final Function<String, String> lookup;

    private Settings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    static Settings fromEnvironment() {
        return new Settings(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    static Settings of(Map<String, String> values) {
        return new Settings(values::get);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(lookup.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    Optional<Integer> port(String name) {
        return get(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(name + " is not a port number: " + value);
            }
        });
    }
}
