package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The alternative to {@link WithTestBackends} for classes that already declare their configuration. */
@SpringJUnitConfig(DynamicPropertySourceTest.NoBeans.class)
class DynamicPropertySourceTest {

    @Configuration
    static class NoBeans {
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        TestBackendsInitializer.registerProperties(registry);
    }

    @Autowired
    Environment environment;

    @Test
    void registeredPropertiesPointAtTheTestBackends() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestBackends.get().kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.mongodb.uri")).startsWith(TestBackends.get().mongoUri() + "/test_");
    }
}
