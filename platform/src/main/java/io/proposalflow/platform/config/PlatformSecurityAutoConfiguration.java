package io.proposalflow.platform.config;

import java.net.InetSocketAddress;
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
import org.springframework.core.env.Environment;
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
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import io.proposalflow.platform.security.CallerResolver;
import io.proposalflow.platform.security.JwtAuthentication;
import io.proposalflow.platform.security.PlatformSecurityProperties;
import io.proposalflow.platform.security.ProblemAuthenticationHandlers;
import io.proposalflow.platform.security.Role;
import reactor.core.publisher.Mono;

/**
 * The security defaults of every service: every API call needs authentication; the API docs and
 * health are readable without; HTTP Basic with configured users for the embedded default; an
 * OAuth2 resource server (JWT) when an issuer is configured; stateless; role checks with
 * {@code @PreAuthorize}; 401/403 as problem+json.
 */
// Before Boot's resource-server configuration: it registers a SecurityWebFilterChain of its own
// (anything authenticated, no public health, no problem+json, scopes as authorities) when none
// exists yet; ordered after it, that chain won and the platform's never applied with an issuer set
// (every /actuator/health answered 401). The JWT decoder it creates is looked up lazily below.
@AutoConfiguration(before = { ReactiveUserDetailsServiceAutoConfiguration.class,
        ReactiveManagementWebSecurityAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class PlatformSecurityAutoConfiguration {

    /**
     * Readable without logging in: API descriptions, their UI, health and info. Health tells anyone
     * only UP or DOWN (platform-defaults.yml: components and details for the coordination); metrics
     * and the Prometheus scrape need the coordination on the API port and are open on a management
     * port of their own ({@link #MANAGEMENT_PATHS}).
     */
    public static final String[] PUBLIC_PATHS = {
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/info" };

    /**
     * Readable without logging in on a separate management port (management.server.port, compose:
     * MANAGEMENT_SERVER_PORT), which only the deployment's network reaches; on the API port they need
     * the coordination. The operator endpoints (/actuator/outbox, /actuator/deadletters) change state
     * and need the coordination on either port.
     */
    public static final String[] MANAGEMENT_PATHS = { "/actuator/prometheus", "/actuator/metrics",
            "/actuator/metrics/**" };

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

    /**
     * The users of HTTP Basic, or nobody where Basic is off (then no user name is accepted; Boot's
     * generated user never appears). Basic switched on without users is a configuration mistake the
     * service names at start rather than running with a user nobody meant to create.
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveUserDetailsService userDetailsService(PlatformSecurityProperties properties,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        if (!properties.basicEnabled(jwtDecoder.getIfAvailable() != null)) {
            return username -> Mono.empty();
        }
        if (properties.users().isEmpty()) {
            throw new IllegalStateException("HTTP Basic is on (platform.security.basic-enabled, "
                    + "PLATFORM_SECURITY_BASIC_ENABLED) but no users are configured (platform.security.users): "
                    + "configure users, or an OAuth2 issuer (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) "
                    + "and leave Basic off");
        }
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
        return new MapReactiveUserDetailsService(users);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, PlatformSecurityProperties properties,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder, Environment environment) {
        boolean issuer = jwtDecoder.getIfAvailable() != null;
        boolean basic = properties.basicEnabled(issuer);
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(basic);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(a -> a.pathMatchers(PUBLIC_PATHS).permitAll()
                        .matchers(onManagementPort(environment, MANAGEMENT_PATHS)).permitAll()
                        .pathMatchers(MANAGEMENT_PATHS).hasRole("COORDINATOR")
                        // retrying parked outbox entries is an operator's decision
                        .pathMatchers("/actuator/outbox", "/actuator/outbox/**", "/actuator/deadletters",
                                "/actuator/deadletters/**").hasRole("COORDINATOR")
                        .anyExchange().authenticated());
        if (basic) {
            http.httpBasic(b -> b.authenticationEntryPoint(problems));
        } else {
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable);
        }
        if (issuer) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(
                            new ReactiveJwtAuthenticationConverterAdapter(JwtAuthentication::from))));
        }
        return http.build();
    }

    /**
     * Requests to {@code paths} that arrived on the management port, where that port is configured
     * and differs from the API port (the embedded default has one port for both).
     */
    private static ServerWebExchangeMatcher onManagementPort(Environment environment, String... paths) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer server = environment.getProperty("server.port", Integer.class, 8080);
        if (management == null || management <= 0 || management.equals(server)) {
            return exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        ServerWebExchangeMatcher path = ServerWebExchangeMatchers.pathMatchers(paths);
        return exchange -> {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            return local != null && local.getPort() == management
                    ? path.matches(exchange)
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
