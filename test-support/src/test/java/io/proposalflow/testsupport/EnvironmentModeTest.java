package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.proposalflow.devstack.EmbeddedKafka;
import io.proposalflow.devstack.EmbeddedMail;
import io.proposalflow.devstack.EmbeddedMongo;
import io.proposalflow.testsupport.TestBackends.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Endpoints from the environment, here servers this test starts itself and passes in as if they
 * were a CI service or a running dev stack.
 */
class EnvironmentModeTest {

    private static EmbeddedKafka kafka;
    private static EmbeddedMongo mongo;
    private static EmbeddedMail mail;

    @BeforeAll
    static void startServersOutsideTestBackends() {
        kafka = EmbeddedKafka.startTemporary(0, 0);
        mongo = EmbeddedMongo.startInMemory(0);
        mail = EmbeddedMail.start(0, 0);
    }

    @AfterAll
    static void stopServers() {
        mail.close();
        mongo.close();
        kafka.close();
    }

    @Test
    void allEndpointsFromTheEnvironmentAreUsedAsGiven() throws Exception {
        TestBackends backends = TestBackends.start(Settings.of(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongo.connectionString() + "/ignored",
                "SMTP_HOST", mail.host(),
                "SMTP_PORT", String.valueOf(mail.smtpPort()),
                "IMAP_PORT", String.valueOf(mail.imapPort()))), () -> {
                    throw new AssertionError("Docker must not be probed");
                });
        try {
            assertThat(backends.mode()).isEqualTo(Mode.ENVIRONMENT);
            assertThat(backends.mongoUri()).isEqualTo(mongo.connectionString());
            assertThat(backends.embeddedMail()).isEmpty();
            BackendChecks.kafkaDeliversAProducedMessage(backends);
            BackendChecks.mongoStoresAndFindsADocument(backends);
            BackendChecks.aMailSentOverSmtpIsReadOverImapAsTheRecipient(backends);
        } finally {
            backends.close();
        }
        assertThat(mail.greenMail().isRunning()).as("servers given by the environment are not stopped").isTrue();
    }

    @Test
    void withOnlyMongoGivenTheOtherBackendsAreEmbeddedWithoutDocker() {
        TestBackends backends = TestBackends.start(
                Settings.of(Map.of("MONGODB_URI", mongo.connectionString())), () -> false);
        try {
            assertThat(backends.mongoMode()).isEqualTo(Mode.ENVIRONMENT);
            assertThat(backends.kafkaMode()).isEqualTo(Mode.EMBEDDED);
            assertThat(backends.mailMode()).isEqualTo(Mode.EMBEDDED);
            assertThat(backends.mode()).isEqualTo(Mode.EMBEDDED);
            assertThat(backends.mongoUri()).isEqualTo(mongo.connectionString());
            assertThat(backends.kafkaBootstrapServers()).isNotEqualTo(kafka.bootstrapServers());
        } finally {
            backends.close();
        }
    }

    @Test
    void imapIsUnknownWhenTheEnvironmentGivesNoImapPort() {
        TestBackends backends = TestBackends.start(Settings.of(Map.of(
                "TEST_BACKENDS", "environment",
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongo.connectionString(),
                "SMTP_HOST", "mail.internal")), () -> false);

        assertThat(backends.smtpPort()).isEqualTo(25);
        assertThat(backends.imapPort()).isEqualTo(-1);
    }
}
