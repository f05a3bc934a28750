package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;

import io.proposalflow.testsupport.TestBackends.Mode;
import org.junit.jupiter.api.Test;

class BackendSelectionTest {

    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier MUST_NOT_ASK = () -> {
        throw new AssertionError("Docker was probed although nothing needed it");
    };

    @Test
    void endpointsInTheEnvironmentWinAndDockerIsNotProbed() {
        Settings settings = Settings.of(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k:9092", "MONGODB_URI", "mongodb://m", "SMTP_HOST", "mail"));

        assertThat(BackendSelection.choose(settings, MUST_NOT_ASK))
                .isEqualTo(new BackendSelection(Mode.ENVIRONMENT, Mode.ENVIRONMENT, Mode.ENVIRONMENT));
    }

    @Test
    void eachBackendMissingFromTheEnvironmentFallsBackOnItsOwn() {
        Settings settings = Settings.of(Map.of("MONGODB_URI", "mongodb://m"));

        assertThat(BackendSelection.choose(settings, DOCKER))
                .isEqualTo(new BackendSelection(Mode.TESTCONTAINERS, Mode.ENVIRONMENT, Mode.TESTCONTAINERS));
        assertThat(BackendSelection.choose(settings, NO_DOCKER))
                .isEqualTo(new BackendSelection(Mode.EMBEDDED, Mode.ENVIRONMENT, Mode.EMBEDDED));
    }

    @Test
    void theOverrideForcesOneModeAndIgnoresEndpoints() {
        Settings settings = Settings.of(Map.of("TEST_BACKENDS", "Embedded", "MONGODB_URI", "mongodb://m"));

        assertThat(BackendSelection.choose(settings, DOCKER))
                .isEqualTo(new BackendSelection(Mode.EMBEDDED, Mode.EMBEDDED, Mode.EMBEDDED));
    }

    @Test
    void forcingTheEnvironmentFailsNamingWhatIsMissing() {
        Settings settings = Settings.of(Map.of("TEST_BACKENDS", "environment", "MONGODB_URI", "mongodb://m"));

        assertThatThrownBy(() -> BackendSelection.choose(settings, NO_DOCKER))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS, SMTP_HOST are not set");
    }

    @Test
    void forcingTestcontainersWithoutDockerFails() {
        Settings settings = Settings.of(Map.of("TEST_BACKENDS", "testcontainers"));

        assertThatThrownBy(() -> BackendSelection.choose(settings, NO_DOCKER))
                .hasMessageContaining("no Docker engine");
    }

    @Test
    void anUnknownOverrideIsRejected() {
        assertThatThrownBy(() -> BackendSelection.choose(Settings.of(Map.of("TEST_BACKENDS", "docker")), DOCKER))
                .hasMessageContaining("TEST_BACKENDS=docker is not one of");
    }
}
