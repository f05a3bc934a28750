package io.proposalflow.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.events.Themenfeld;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@link Caller} of a request from Spring Security's authentication: a configured
 * Basic user (with the focus group and organisations of its configuration) or a JWT (claims
 * {@code roles}, {@code focus_group}, {@code organisations}). Also a controller argument resolver,
 * so a handler can simply declare a {@code Caller} parameter.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    public static final String ROLES_CLAIM = "roles";
    public static final String FOCUS_GROUP_CLAIM = "focus_group";
    public static final String ORGANISATIONS_CLAIM = "organisations";

    private final Map<String, PlatformSecurityProperties.User> users;

    public CallerResolver(PlatformSecurityProperties properties) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(PlatformSecurityProperties.User::username, Function.identity()));
    }

    /** The caller of the current request; an error if nobody is authenticated. */
    public Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(this::toCaller)
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("not authenticated")));
    }

    public Caller toCaller(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            return new Caller(jwt.getSubject(), roles(authentication.getAuthorities()),
                    themenfeld(jwt.getClaimAsString(FOCUS_GROUP_CLAIM)), stringSet(jwt.getClaimAsStringList(ORGANISATIONS_CLAIM)));
        }
        PlatformSecurityProperties.User user = users.get(authentication.getName());
        return new Caller(authentication.getName(), roles(authentication.getAuthorities()),
                user == null ? null : user.focusGroup(), user == null ? Set.of() : Set.copyOf(user.organisations()));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        return current().cast(Object.class);
    }

    private static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authorities) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static Themenfeld themenfeld(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Themenfeld.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> stringSet(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
