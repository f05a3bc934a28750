package io.proposalflow.portal.backend;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

import io.proposalflow.portal.backend.Dtos.Contact;
import io.proposalflow.portal.backend.Dtos.Notification;
import io.proposalflow.portal.backend.Dtos.Organisation;
import io.proposalflow.portal.backend.Dtos.Page;
import io.proposalflow.portal.backend.Dtos.PartnerOrganisation;
import reactor.core.publisher.Mono;

/** notification-service's API (directory and delivery log) as the pages use it. */
public final class NotificationApi {

    private static final ParameterizedTypeReference<Page<PartnerOrganisation>> PARTNERS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Page<Organisation>> ORGANISATIONS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Page<Notification>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final ServiceClient client;

    public NotificationApi(ServiceClient client) {
        this.client = client;
    }

    public ServiceClient client() {
        return client;
    }

    /** Every partner organisation a proposal can name, by name (all pages of the directory). */
    public Mono<List<Organisation>> organisations() {
        return client.getAll("/api/organisations", ORGANISATIONS);
    }

    public Mono<List<PartnerOrganisation>> partners() {
        return client.getAll("/api/recipients/partners", PARTNERS);
    }

    public Mono<PartnerOrganisation> partner(String organisationId) {
        return client.get("/api/recipients/partners/" + organisationId, PartnerOrganisation.class);
    }

    public Mono<Contact> addContact(String organisationId, Map<String, ?> contact) {
        return client.send(HttpMethod.POST, "/api/recipients/partners/" + organisationId + "/contacts", contact, null,
                Contact.class);
    }

    public Mono<Contact> updateContact(String organisationId, String contactId, Map<String, ?> contact) {
        return client.send(HttpMethod.PUT, "/api/recipients/partners/" + organisationId + "/contacts/" + contactId,
                contact, null, Contact.class);
    }

    public Mono<Void> eraseContact(String organisationId, String contactId) {
        return client.send(HttpMethod.DELETE, "/api/recipients/partners/" + organisationId + "/contacts/" + contactId,
                null, null, Void.class);
    }

    /** Everything stored about a contact person, as notification-service writes it (JSON). */
    public Mono<String> exportContact(String organisationId, String contactId) {
        return client.get("/api/recipients/partners/" + organisationId + "/contacts/" + contactId + "/export",
                String.class);
    }

    public Mono<Page<Notification>> deliveries(String status, int size) {
        String uri = UriComponentsBuilder.fromPath("/api/notifications")
                .queryParamIfPresent("status", ProposalApi.present(status))
                .queryParam("size", size).encode().build().toUriString();
        return client.get(uri, PAGE);
    }

    public Mono<Notification> resend(String id) {
        return client.send(HttpMethod.POST, "/api/notifications/" + id + "/resend", null, null, Notification.class);
    }
}
