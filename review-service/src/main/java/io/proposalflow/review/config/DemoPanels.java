package io.proposalflow.review.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.Reviewer;
import io.proposalflow.review.domain.ReviewPanel;
import io.proposalflow.review.persistence.ReviewPanelStore;

/**
 * Panels for the embedded default, made of the demo reviewer logins (platform-defaults.yml), so
 * the demo works without configuring anything. Every panel has enough members that two remain
 * free of conflicts for the demo proposals: Neuerkerode (WORK_ECONOMY, partners Stiftung
 * Neuerkerode and Jobcenter Goslar) goes to rev-kvhs and rev-migration. Seeded only into an
 * empty collection, so a coordinator's changes survive restarts.
 */
@Component
public class DemoPanels implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPanels.class);

    static final Reviewer JOBCENTER = new Reviewer("rev-jobcenter", "Gutachter*in Jobcenter Goslar", null,
            Set.of("jobcenter-goslar"));
    static final Reviewer NEUERKERODE = new Reviewer("rev-neuerkerode", "Gutachter*in Stiftung Neuerkerode", null,
            Set.of("stiftung-neuerkerode"));
    static final Reviewer KVHS = new Reviewer("rev-kvhs", "Gutachter*in Kreisvolkshochschule Goslar", null,
            Set.of("kreisvolkshochschule-goslar"));
    static final Reviewer ARBEITSWELT = new Reviewer("rev-arbeitswelt", "Gutachter*in Fokusgruppe Arbeitswelt",
            Themenfeld.WORK_ECONOMY, Set.of());
    static final Reviewer WOHNEN = new Reviewer("rev-wohnen", "Gutachter*in Fokusgruppe Leben & Wohnen",
            Themenfeld.LOCAL_LIVING, Set.of());
    static final Reviewer MIGRATION = new Reviewer("rev-migration", "Gutachter*in Landkreis Goslar", null,
            Set.of("landkreis-goslar"));
    static final Reviewer EHRENAMT = new Reviewer("rev-ehrenamt", "Gutachter*in Freiwilligenagentur Goslar", null,
            Set.of("freiwilligenagentur-goslar"));
    static final Reviewer GESUNDHEIT = new Reviewer("rev-gesundheit", "Gutachter*in Gesundheitsamt Goslar", null,
            Set.of("gesundheitsamt-goslar"));

    public static List<ReviewPanel> panels() {
        return List.of(
                new ReviewPanel(Themenfeld.HEALTH, List.of(GESUNDHEIT, MIGRATION, EHRENAMT, NEUERKERODE)),
                new ReviewPanel(Themenfeld.VOLUNTEERING, List.of(EHRENAMT, MIGRATION, KVHS, WOHNEN)),
                new ReviewPanel(Themenfeld.LOCAL_LIVING, List.of(WOHNEN, MIGRATION, EHRENAMT, GESUNDHEIT, KVHS)),
                new ReviewPanel(Themenfeld.EMPOWERMENT, List.of(MIGRATION, EHRENAMT, KVHS, NEUERKERODE)),
                new ReviewPanel(Themenfeld.WORK_ECONOMY, List.of(JOBCENTER, NEUERKERODE, ARBEITSWELT, KVHS, MIGRATION)),
                new ReviewPanel(Themenfeld.EDUCATION_LANGUAGE, List.of(KVHS, MIGRATION, JOBCENTER, EHRENAMT)));
    }

    private final ReviewPanelStore store;
    private final ReviewProperties properties;

    public DemoPanels(ReviewPanelStore store, ReviewProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoPanels()) {
            return;
        }
        // MongoDB may be down at startup; the service still starts and a coordinator can set panels later
        try {
            if (Boolean.TRUE.equals(store.seedIfEmpty(panels()).block(Duration.ofSeconds(10)))) {
                log.info("Seeded demo review panels for all six Themenfelder");
            }
        } catch (RuntimeException e) {
            log.warn("Could not seed demo review panels: {}", e.toString());
        }
    }
}
