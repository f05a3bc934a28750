package io.proposalflow.notification.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.proposalflow.notification.domain.Address;
import io.proposalflow.notification.domain.Contact;
import io.proposalflow.notification.domain.Erasure;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.Partner;

/** Request and response bodies of the recipient directory. */
public final class DirectoryDtos {

    private DirectoryDtos() {
    }

    public record PartnerRequest(@NotBlank @Size(max = 200) String name,
            @Schema(description = "the day the organisation left the programme (optional; null: it takes part); its "
                    + "contact persons are erased NOTIFICATION_RETENTION_CONTACTS_AFTER_LEAVING later")
            @io.proposalflow.events.Nullable java.time.LocalDate leftOn) {
    }

    public record ContactRequest(
            @Schema(example = "Anna Bergmann") @NotBlank @Size(max = 200) String name,
            @Schema(example = "anna.bergmann@example.org") @NotBlank @Email @Size(max = 254) String email,
            @NotNull Language language) {
    }

    public record AddressRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Language language) {
    }

    public record ContactResponse(String id, String name, String email, Language language) {
        static ContactResponse of(Contact c) {
            return new ContactResponse(c.id(), c.name(), c.email(), c.language());
        }
    }

    public record PartnerResponse(String id, String name, List<ContactResponse> contacts,
            @io.proposalflow.events.Nullable java.time.LocalDate leftOn, Long version) {
        static PartnerResponse of(Partner p) {
            return new PartnerResponse(p.id(), p.name(), p.contacts().stream().map(ContactResponse::of).toList(),
                    p.leftOn(), p.version());
        }
    }

    /** A focus group's or reviewer's address. */
    public record AddressResponse(String id, String name, String email, Language language) {
        static AddressResponse of(Address a) {
            return new AddressResponse(a.id(), a.name(), a.email(), a.language());
        }
    }

    /**
     * Everything notification-service stores about one contact person (DSGVO Art. 15, and Art. 20 in a
     * machine-readable form): the directory entry (null once erased), every notification to them with its
     * attempts, and the record of their erasure. Nothing about them is stored elsewhere in the system.
     */
    public record ContactExport(Instant exportedAt, String organisationId,
            @io.proposalflow.events.Nullable String organisationName, String contactId,
            @Schema(description = "false once the contact was erased (then name, email and language are null)")
            boolean inDirectory, @io.proposalflow.events.Nullable String name,
            @io.proposalflow.events.Nullable String email, @io.proposalflow.events.Nullable Language language,
            List<NotificationResponse> deliveries, List<ErasureResponse> erasures) {
    }

    public record ErasureResponse(String id, @io.proposalflow.events.Nullable String organisationId,
            String contactId, io.proposalflow.events.RecipientKind recipientKind, String erasedBy,
            Instant erasedAt, long anonymisedNotifications) {
        static ErasureResponse of(Erasure e) {
            return new ErasureResponse(e.id(), e.organisationId(), e.contactId(), e.recipientKind(), e.erasedBy(),
                    e.erasedAt(), e.anonymisedNotifications());
        }
    }
}
