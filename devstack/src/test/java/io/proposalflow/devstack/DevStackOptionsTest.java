package io.proposalflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DevStackOptionsTest {

    @Test
    void withoutOptionsTheDefaultsApply() {
        assertThat(DevStackOptions.parse(new String[0], Map.of()).config())
                .isEqualTo(DevStackConfig.defaults());
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        DevStackConfig config = DevStackOptions.parse(
                new String[] {"--kafka-port", "19092", "--data-dir=/tmp/x"},
                Map.of("DEVSTACK_KAFKA_PORT", "29092", "DEVSTACK_MONGO_PORT", "37017")).config();

        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.mongoPort()).isEqualTo(37017);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.smtpPort()).isEqualTo(3025);
    }

    @Test
    void helpIsRecognisedAndListsTheEnvironmentVariables() {
        assertThat(DevStackOptions.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
        assertThat(DevStackOptions.usage()).contains("--imap-port", "DEVSTACK_IMAP_PORT", "DEVSTACK_DATA_DIR");
    }

    @Test
    void unknownOptionsAndBadPortsAreRejected() {
        assertThatThrownBy(() -> DevStackOptions.parse(new String[] {"--kafka"}, Map.of()))
                .hasMessageContaining("Unknown option --kafka");
        assertThatThrownBy(() -> DevStackOptions.parse(new String[] {"--smtp-port", "70000"}, Map.of()))
                .hasMessageContaining("--smtp-port");
        assertThatThrownBy(() -> DevStackOptions.parse(new String[0], Map.of("DEVSTACK_IMAP_PORT", "abc")))
                .hasMessageContaining("DEVSTACK_IMAP_PORT");
    }
}
