package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** The Spring glue, against the JVM-wide {@link TestBackends#get()} (embedded here: no Docker). */
@ExtendWith(SpringExtension.class)
@WithTestBackends
class TestBackendsInitializerTest {

    @Configuration
    static class NoBeans {
    }

    @Autowired
    Environment environment;

    @Test
    void theContextPointsAtTheTestBackends() {
        TestBackends backends = TestBackends.get();

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(backends.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers"))
                .isEqualTo(backends.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo(backends.smtpHost());
        assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(backends.smtpPort());
        assertThat(environment.getProperty("spring.mongodb.uri"))
                .matches(java.util.regex.Pattern.quote(backends.mongoUri()) + "/test_app_[0-9a-f]{8}");
    }

    @Test
    void everyApplicationContextGetsADatabaseOfItsOwn() {
        assertThat(databaseOfANewContext()).isNotEqualTo(databaseOfANewContext());
    }

    @Test
    void theDatabaseNameTellsWhichApplicationItBelongsTo() {
        assertThat(TestBackendsInitializer.uniqueDatabaseName("proposal-service"))
                .matches("test_proposal_service_[0-9a-f]{8}");
    }

    private static String databaseOfANewContext() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new TestBackendsInitializer().initialize(context);
            String uri = context.getEnvironment().getProperty("spring.mongodb.uri");
            return uri.substring(uri.lastIndexOf('/') + 1);
        }
    }
}
