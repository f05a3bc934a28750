package io.proposalflow.platform.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's API description says about itself ({@code platform.api.*}). Defaults for
 * contact and licence are in platform-defaults.yml; title, description and the documented server
 * come from each service's application.yml.
 *
 * @param serverUrl the address the description names as its server; a fixed one (the default
 *                  port on 127.0.0.1) rather than the request's, so the description is the same
 *                  wherever it is served and can be committed
 */
@ConfigurationProperties("platform.api")
public record ApiDescriptionProperties(String title, String description, String serverUrl,
        String serverDescription, Contact contact, License license) {

    public record Contact(String name, String email, String url) {
    }

    public record License(String name, String url) {
    }
}
