package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.proposalflow.testsupport.TestBackends.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

/** TEST_BACKENDS=testcontainers: the production images; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersModeTest {

    private static TestBackends backends;

    @BeforeAll
    static void start() {
        backends = TestBackends.start(Settings.of(Map.of("TEST_BACKENDS", "testcontainers")),
                () -> DockerClientFactory.instance().isDockerAvailable());
    }

    @AfterAll
    static void stop() {
        if (backends != null) {
            backends.close();
        }
    }

    @Test
    void allThreeBackendsRunInContainers() {
        assertThat(backends.mode()).isEqualTo(Mode.TESTCONTAINERS);
        assertThat(backends.embeddedMail()).isEmpty();
        assertThat(backends.imapPort()).isPositive();
    }

    @Test
    void kafkaDeliversAProducedMessage() throws Exception {
        BackendChecks.kafkaDeliversAProducedMessage(backends);
    }

    @Test
    void mongoStoresAndFindsADocument() {
        BackendChecks.mongoStoresAndFindsADocument(backends);
    }

    @Test
    void aMailSentOverSmtpIsReadOverImapAsTheRecipient() throws Exception {
        BackendChecks.aMailSentOverSmtpIsReadOverImapAsTheRecipient(backends);
    }
}
