package io.proposalflow.review.config;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.data.mongodb.autoconfigure.DataMongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * UUIDs are stored as their text, as this service always stored them (e.g. {@code proposalId} of a
 * review case, which the domain holds as a UUID and the persistence layer maps without a copy of
 * its own). Otherwise Boot's conversions: the BigDecimal representation follows
 * {@code spring.data.mongodb.representation.big-decimal} as without this bean.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewMongoConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions(DataMongoProperties properties) {
        return MongoCustomConversions.create(configurer -> {
            configurer.registerConverters(List.of(UuidToString.INSTANCE, StringToUuid.INSTANCE));
            configurer.bigDecimal(properties.getRepresentation().getBigDecimal());
        });
    }

    @WritingConverter
    enum UuidToString implements Converter<UUID, String> {
        INSTANCE;

        @Override
        public String convert(UUID source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum StringToUuid implements Converter<String, UUID> {
        INSTANCE;

        @Override
        public UUID convert(String source) {
            return UUID.fromString(source);
        }
    }
}
