package io.proposalflow.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.proposalflow.events.Themenfeld;

/**
 * Users that log in with HTTP Basic ({@code platform.security.users}). The embedded default ships
 * demo users (password {@code demo}, see the README); a real deployment configures an OAuth2
 * issuer instead, which turns Basic off unless {@code platform.security.basic-enabled=true} says
 * otherwise.
 *
 * @param basicEnabled whether HTTP Basic with the users below is accepted; unset means "only while
 *                     no issuer is configured"
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(Boolean basicEnabled, List<User> users) {

    public PlatformSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Whether HTTP Basic is on: as configured, else only where no issuer is (the embedded default). */
    public boolean basicEnabled(boolean issuerConfigured) {
        return basicEnabled == null ? !issuerConfigured : basicEnabled;
    }

    /**
     * @param password as Spring Security stores it: {@code {bcrypt}$2a$...} for a hash, or plain
     *                 text, which is taken as {@code {noop}} (acceptable for demo users only)
     */
    public record User(String username, String password, List<Role> roles, Themenfeld focusGroup,
            List<String> organisations) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            organisations = organisations == null ? List.of() : List.copyOf(organisations);
        }
    }
}
