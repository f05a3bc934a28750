package io.proposalflow.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import io.proposalflow.platform.security.ProblemExchangeRejectedHandler;

/**
 * The HTTP edge's shared pieces that are not security rules: problem+json for requests the web
 * firewall refuses.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnClass(ServerExchangeRejectedHandler.class)
    @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return new ProblemExchangeRejectedHandler();
    }
}
