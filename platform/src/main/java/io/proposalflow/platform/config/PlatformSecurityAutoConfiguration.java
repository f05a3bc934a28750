package io.proposalflow.platform.config;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import io.proposalflow.platform.security.CallerResolver;
import io.proposalflow.platform.security.JwtAuthentication;
import io.proposalflow.platform.security.PlatformSecurityProperties;
import io.proposalflow.platform.security.ProblemAuthenticationHandlers;
import io.proposalflow.platform.security.Role;

/**
 * The security defaults of every service: every API call needs authentication; the API docs and
 * health are readable without; HTTP Basic with configured users for the embedded default; an
 * OAuth2 resource server (JWT) when an issuer is configured; stateless; role checks with
 * {@code @PreAuthorize}; 401/403 as problem+json.
 */
@AutoConfiguration(
        before = { ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class },
        after = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class PlatformSecurityAutoConfiguration {

    /**
     * Readable without logging in: API descriptions, their UI, health, info and the Prometheus
     * scrape (aggregates only: counts per status or kind, no ids, names or addresses). A production
     * deployment puts management on its own port (management.server.port) that only the cluster
     * reaches; /actuator/metrics (per-meter drill-down) still needs a login.
     */
    public static final String[] PUBLIC_PATHS = {
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus" };

    @Bean
    @ConditionalOnMissingBean
    CallerResolver callerResolver(PlatformSecurityProperties properties) {
        return new CallerResolver(properties);
    }

    @Bean
    WebFluxConfigurer callerArgument(CallerResolver callerResolver) {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(callerResolver);
            }
        };
    }

    /** The users of HTTP Basic. */
    @Bean
    @ConditionalOnMissingBean
    ReactiveUserDetailsService userDetailsService(PlatformSecurityProperties properties) {
        MapReactiveUserDetailsService users = basicUsers(properties);
        return users::findByUsername;
    }

    /**
     * Checks passwords as Spring Security's default does ({@code {bcrypt}}, {@code {noop}}, ...), but
     * never asks to "upgrade" a configured password. Spring Security 7 re-encodes every password that is
     * not BCrypt at each successful login, even when there is nowhere to store the result
     * (spring-projects/spring-security#17986): a BCrypt hash of about 80 ms of CPU on every request,
     * which was over 80 % of the services' CPU under load (docs/performance.md). The users here come
     * from configuration, so there is nothing to upgrade; {@code {bcrypt}} hashes are checked as
     * BCrypt, as they must be.
     */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return delegate.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return delegate.matches(rawPassword, encodedPassword);
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return false;
            }
        };
    }

    private static MapReactiveUserDetailsService basicUsers(PlatformSecurityProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password().startsWith("{") ? user.password() : "{noop}" + user.password())
                        .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                        .build())
                .toList();
        // an empty map is not allowed; a user nobody can log in as keeps the service well-defined
        return users.isEmpty()
                ? new MapReactiveUserDetailsService(User.withUsername("nobody").password("{noop}").authorities("NONE").build())
                : new MapReactiveUserDetailsService(users);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, PlatformSecurityProperties properties,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        boolean basic = properties.basicEnabled();
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(basic);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(a -> a.pathMatchers(PUBLIC_PATHS).permitAll()
                        // retrying parked outbox entries is an operator's decision
                        .pathMatchers("/actuator/outbox", "/actuator/outbox/**", "/actuator/deadletters",
                                "/actuator/deadletters/**").hasRole("COORDINATOR")
                        .anyExchange().authenticated());
        if (basic) {
            http.httpBasic(b -> b.authenticationEntryPoint(problems));
        } else {
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable);
        }
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(
                            new ReactiveJwtAuthenticationConverterAdapter(JwtAuthentication::from))));
        }
        return http.build();
    }
}
