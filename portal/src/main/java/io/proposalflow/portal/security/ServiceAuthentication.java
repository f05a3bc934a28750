package io.proposalflow.portal.security;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * How the portal shows the services who the signed-in user is: one filter on every service client.
 * Pages never see it, so replacing HTTP Basic by OIDC token relay (a filter that adds the user's
 * access token) touches no page (ADR 10).
 */
public interface ServiceAuthentication {

    ExchangeFilterFunction filter();
}
