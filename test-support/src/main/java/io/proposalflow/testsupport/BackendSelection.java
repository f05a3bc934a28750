package io.proposalflow.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.proposalflow.testsupport.TestBackends.Mode;

/**
 * Decides, per backend, where it comes from: an endpoint in the environment, else Testcontainers
 * when Docker is available, else the embedded stack. {@code TEST_BACKENDS} forces one mode for all
 * three backends.
 */
record BackendSelection(Mode kafka, Mode mongo, Mode mail) {

    static BackendSelection choose(Settings settings, BooleanSupplier dockerAvailable) {
        Optional<Mode> forced = settings.get(Settings.TEST_BACKENDS).map(BackendSelection::parseMode);
        if (forced.isPresent()) {
            return forced(forced.get(), settings, dockerAvailable);
        }
        boolean kafkaGiven = settings.get(Settings.KAFKA_BOOTSTRAP_SERVERS).isPresent();
        boolean mongoGiven = settings.get(Settings.MONGODB_URI).isPresent();
        boolean mailGiven = settings.get(Settings.SMTP_HOST).isPresent();
        if (kafkaGiven && mongoGiven && mailGiven) {
            return new BackendSelection(Mode.ENVIRONMENT, Mode.ENVIRONMENT, Mode.ENVIRONMENT);
        }
        // asked only when something is missing: the Docker probe takes a moment
        Mode fallback = dockerAvailable.getAsBoolean() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
        return new BackendSelection(
                kafkaGiven ? Mode.ENVIRONMENT : fallback,
                mongoGiven ? Mode.ENVIRONMENT : fallback,
                mailGiven ? Mode.ENVIRONMENT : fallback);
    }

    private static BackendSelection forced(Mode mode, Settings settings, BooleanSupplier dockerAvailable) {
        if (mode == Mode.ENVIRONMENT) {
            List<String> missing = new ArrayList<>();
            for (String name : List.of(Settings.KAFKA_BOOTSTRAP_SERVERS, Settings.MONGODB_URI, Settings.SMTP_HOST)) {
                if (settings.get(name).isEmpty()) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("TEST_BACKENDS=environment, but " + String.join(", ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " not set");
            }
        }
        if (mode == Mode.TESTCONTAINERS && !dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException("TEST_BACKENDS=testcontainers, but Testcontainers finds no Docker "
                    + "engine; start one, or use TEST_BACKENDS=embedded");
        }
        return new BackendSelection(mode, mode, mode);
    }

    private static Mode parseMode(String value) {
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TEST_BACKENDS=" + value
                    + " is not one of environment, testcontainers, embedded");
        }
    }

    boolean uses(Mode mode) {
        return kafka == mode || mongo == mode || mail == mode;
    }
}
