package io.proposalflow.platform.config;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

import io.proposalflow.platform.web.openapi.ApiDescription;
import io.proposalflow.platform.web.openapi.ApiDescriptionProperties;
import io.proposalflow.platform.web.openapi.NonEmptyConstraints;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * The API description defaults of every service that serves one (springdoc on the class path): see
 * {@link ApiDescription}. The version is the build's (META-INF/build-info.properties, written by
 * spring-boot-maven-plugin's build-info goal), so a client knows which release a description belongs to.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ApiDescriptionProperties.class)
public class PlatformOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI apiDescription(ApiDescriptionProperties properties, ObjectProvider<BuildProperties> build) {
        BuildProperties buildProperties = build.getIfAvailable();
        return ApiDescription.base(properties, buildProperties == null ? "unreleased" : buildProperties.getVersion());
    }

    @Bean
    GlobalOperationCustomizer problemResponses() {
        return ApiDescription::addProblemResponses;
    }

    @Bean
    PropertyCustomizer nullableProperties() {
        return ApiDescription::nullableWhereAnnotated;
    }

    @Bean
    NonEmptyConstraints nonEmptyConstraints() {
        return new NonEmptyConstraints();
    }

    @Bean
    GlobalOpenApiCustomizer answersAndOrder() {
        return openApi -> {
            ApiDescription.requireAllPropertiesOfAnswers(openApi);
            ApiDescription.typeNullableWrappers(openApi);
            ApiDescription.sortComponents(openApi);
        };
    }
}
