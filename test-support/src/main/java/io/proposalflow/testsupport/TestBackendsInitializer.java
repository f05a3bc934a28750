package io.proposalflow.testsupport;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring application context at {@link TestBackends}: Kafka (Boot and the Spring Cloud
 * Stream binder), MongoDB and mail. The properties take precedence over everything else, and each
 * application context gets a database of its own, so contexts never see each other's documents.
 *
 * <p>Use {@link WithTestBackends} on a test class, or {@link #registerProperties} from a
 * {@code @DynamicPropertySource} method.
 */
public class TestBackendsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE_NAME = "testBackends";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "app");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                properties(TestBackends.get(), uniqueDatabaseName(application))));
    }

    /**
     * The same properties for a {@code @DynamicPropertySource} method:
     * {@code static void backends(DynamicPropertyRegistry r) { TestBackendsInitializer.registerProperties(r); }}
     */
    public static void registerProperties(DynamicPropertyRegistry registry) {
        String database = uniqueDatabaseName("app");
        properties(TestBackends.get(), database).forEach((name, value) -> registry.add(name, () -> value));
    }

    static Map<String, Object> properties(TestBackends backends, String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", backends.kafkaBootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", backends.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", backends.mongoUri(database));
        properties.put("spring.mail.host", backends.smtpHost());
        properties.put("spring.mail.port", backends.smtpPort());
        return properties;
    }

    /**
     * {@code test_<name>_<8 hex digits>}, within MongoDB's rules for database names (no
     * {@code /\. "$}, at most 63 bytes).
     */
    static String uniqueDatabaseName(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (safe.length() > 40) {
            safe = safe.substring(0, 40);
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "test_" + safe + "_" + HexFormat.of().formatHex(random);
    }
}
