package io.proposalflow.platform.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns a verified JWT into an authentication: claim {@code roles} becomes {@code ROLE_...} authorities. */
public final class JwtAuthentication {

    private JwtAuthentication() {
    }

    public static AbstractAuthenticationToken from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CallerResolver.ROLES_CLAIM);
        List<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                .filter(role -> Arrays.stream(Role.values()).anyMatch(known -> known.name().equals(role)))
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(role).authority()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
