package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.proposalflow.testsupport.TestBackends.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TEST_BACKENDS=embedded: the devstack servers in this JVM, reached only through TestBackends. */
class EmbeddedModeTest {

    private static TestBackends backends;

    @BeforeAll
    static void start() {
        backends = TestBackends.start(Settings.of(Map.of("TEST_BACKENDS", "embedded")), () -> true);
    }

    @AfterAll
    static void stop() {
        backends.close();
    }

    @Test
    void allThreeBackendsAreEmbeddedOnLoopbackPorts() {
        assertThat(backends.mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(backends.kafkaBootstrapServers()).startsWith("127.0.0.1:");
        assertThat(backends.mongoUri()).startsWith("mongodb://127.0.0.1:");
        assertThat(backends.mongoUri("orders")).isEqualTo(backends.mongoUri() + "/orders");
        assertThat(backends.imapPort()).isPositive();
        assertThat(backends.embeddedMail()).isPresent();
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
        assertThat(backends.embeddedMail().orElseThrow().receivedMessages()).isNotEmpty();
    }
}
