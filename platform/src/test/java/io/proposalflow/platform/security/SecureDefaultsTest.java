package io.proposalflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;

import io.proposalflow.platform.config.PlatformSecurityAutoConfiguration;

/** What a deployment gets when it configures little or nothing about sign-in. */
class SecureDefaultsTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class,
                    PlatformSecurityAutoConfiguration.class));

    @Test
    void basicWithoutAnyUserStopsTheServiceAtStartWithAPlainReason() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("no users are configured (platform.security.users)");
        });
    }

    @Test
    void basicSwitchedOffAcceptsNoUserNameAtAll() {
        runner.withPropertyValues("platform.security.basic-enabled=false",
                        "platform.security.users[0].username=koordination", "platform.security.users[0].password=demo",
                        "platform.security.users[0].roles=COORDINATOR")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ReactiveUserDetailsService.class).findByUsername("koordination").block())
                            .isNull();
                });
    }

    @Test
    void anIssuerTurnsBasicOffUnlessItIsExplicitlyKeptOn() {
        assertThat(new PlatformSecurityProperties(null, List.of()).basicEnabled(true)).isFalse();
        assertThat(new PlatformSecurityProperties(null, List.of()).basicEnabled(false)).isTrue();
        assertThat(new PlatformSecurityProperties(true, List.of()).basicEnabled(true)).isTrue();
        assertThat(new PlatformSecurityProperties(false, List.of()).basicEnabled(false)).isFalse();
    }
}
