package io.proposalflow.notification.config;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.persistence.FocusGroupDocument;
import io.proposalflow.notification.persistence.FocusGroupRepository;
import io.proposalflow.notification.persistence.PartnerDocument;
import io.proposalflow.notification.domain.Contact;
import io.proposalflow.notification.persistence.PartnerRepository;
import io.proposalflow.notification.persistence.ReviewerDocument;
import io.proposalflow.notification.persistence.ReviewerRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fills an empty directory with the demo organisations, focus groups and reviewers of the embedded
 * default (fictitious people, example.org addresses). Off with {@code NOTIFICATION_DEMO_DATA=false};
 * never touches a directory that has entries.
 */
@Component
public class DemoDirectory implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDirectory.class);

    private final NotificationProperties properties;
    private final PartnerRepository partners;
    private final FocusGroupRepository focusGroups;
    private final ReviewerRepository reviewers;

    public DemoDirectory(NotificationProperties properties, PartnerRepository partners,
            FocusGroupRepository focusGroups, ReviewerRepository reviewers) {
        this.properties = properties;
        this.partners = partners;
        this.focusGroups = focusGroups;
        this.reviewers = reviewers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData()) {
            return;
        }
        try {
            seedIfEmpty(partners.count(), partners.saveAll(partners()));
            seedIfEmpty(focusGroups.count(), focusGroups.saveAll(focusGroups()));
            seedIfEmpty(reviewers.count(), reviewers.saveAll(reviewers()));
        } catch (RuntimeException e) {
            // demo data is a convenience: the service starts anyway and seeds at its next start
            LOG.warn("Could not seed the demo directory: {}", e.toString());
        }
    }

    private static void seedIfEmpty(Mono<Long> count, Flux<?> seed) {
        if (Long.valueOf(0).equals(count.block())) {
            seed.blockLast();
        }
    }

    static List<PartnerDocument> partners() {
        return List.of(
                partner("stiftung-neuerkerode", "Stiftung Neuerkerode",
                        contact("c-neuerkerode-1", "Anna Bergmann", "anna.bergmann@example.org", Language.DE)),
                partner("jobcenter-goslar", "Jobcenter Goslar",
                        contact("c-jobcenter-1", "Markus Hoffmann", "markus.hoffmann@example.org", Language.DE)),
                partner("kreisvolkshochschule-goslar", "Kreisvolkshochschule Goslar",
                        contact("c-kvhs-1", "Elena Petrova", "elena.petrova@example.org", Language.EN)),
                partner("landkreis-goslar", "Landkreis Goslar Migrationsdienste",
                        contact("c-landkreis-1", "Yusuf Demir", "yusuf.demir@example.org", Language.DE)),
                partner("freiwilligenagentur-goslar", "Freiwilligenagentur Goslar",
                        contact("c-freiwillige-1", "Claudia Wenzel", "claudia.wenzel@example.org", Language.DE)),
                partner("gesundheitsamt-goslar", "Gesundheitsamt Goslar",
                        contact("c-gesundheitsamt-1", "Thomas Krüger", "thomas.krueger@example.org", Language.DE)));
    }

    static List<FocusGroupDocument> focusGroups() {
        return List.of(
                focusGroup(Themenfeld.HEALTH, "fokusgruppe.gesundheit@example.org"),
                focusGroup(Themenfeld.VOLUNTEERING, "fokusgruppe.ehrenamt@example.org"),
                focusGroup(Themenfeld.LOCAL_LIVING, "fokusgruppe.wohnen@example.org"),
                focusGroup(Themenfeld.EMPOWERMENT, "fokusgruppe.empowerment@example.org"),
                focusGroup(Themenfeld.WORK_ECONOMY, "fokusgruppe.arbeitswelt@example.org"),
                focusGroup(Themenfeld.EDUCATION_LANGUAGE, "fokusgruppe.bildung@example.org"));
    }

    static List<ReviewerDocument> reviewers() {
        return List.of(
                new ReviewerDocument("rev-jobcenter", "Sabine Koch", "sabine.koch@example.org", Language.DE),
                new ReviewerDocument("rev-neuerkerode", "Jens Albrecht", "jens.albrecht@example.org", Language.DE),
                new ReviewerDocument("rev-kvhs", "Maria Santos", "maria.santos@example.org", Language.EN),
                new ReviewerDocument("rev-arbeitswelt", "Peter Lange", "peter.lange@example.org", Language.DE),
                new ReviewerDocument("rev-wohnen", "Katrin Vogel", "katrin.vogel@example.org", Language.DE),
                new ReviewerDocument("rev-migration", "Ahmad Karimi", "ahmad.karimi@example.org", Language.EN),
                new ReviewerDocument("rev-ehrenamt", "Monika Schulz", "monika.schulz@example.org", Language.DE),
                new ReviewerDocument("rev-gesundheit", "Lena Brandt", "lena.brandt@example.org", Language.DE));
    }

    private static PartnerDocument partner(String id, String name, Contact contact) {
        PartnerDocument partner = new PartnerDocument(id, name);
        partner.putContact(contact);
        return partner;
    }

    private static Contact contact(String id, String name, String email, Language language) {
        return new Contact(id, name, email, language);
    }

    private static FocusGroupDocument focusGroup(Themenfeld themenfeld, String email) {
        return new FocusGroupDocument(themenfeld.name(), "Fokusgruppe " + themenfeld.label(), email, Language.DE);
    }
}
