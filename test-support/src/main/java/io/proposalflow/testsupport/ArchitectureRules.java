package io.proposalflow.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The one shape of every service, as rules the build checks (docs/architecture.md, "One shape").
 * Each service runs them from its {@code ArchitectureTest}:
 *
 * <pre>
 * domain       plain Java: the aggregates, their rules and failures; knows only the wire records
 * application  the use cases: load, call the domain, save; the only place that coordinates
 * api          HTTP: controllers, requests, views, and the one mapping of domain failures to problem+json
 * messaging    Kafka consumers and other outbound messaging (SMTP)
 * persistence  MongoDB documents and stores
 * config       wiring, properties, demo data
 * </pre>
 */
public final class ArchitectureRules {

    /** Every package a service may have below its root; the root holds only the application class. */
    public static final List<String> PACKAGES =
            List.of("domain", "application", "api", "messaging", "persistence", "config");

    private static final List<String> SERVICES = List.of(
            "io.proposalflow.proposal", "io.proposalflow.review", "io.proposalflow.notification",
            "io.proposalflow.portal");

    private ArchitectureRules() {
    }

    /**
     * Checks the main classes of the service under {@code servicePackage} (e.g.
     * {@code io.proposalflow.review}) against every rule; fails with all violations at once.
     */
    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(servicePackage);
        rules(servicePackage).check(classes);
    }

    /** All rules for one service, for a caller that imports the classes itself. */
    public static ArchRule rules(String service) {
        return CompositeArchRule.of(onlyTheSixPackages(service))
                .and(domainIsPlainJava(service))
                .and(applicationKnowsNoEdge(service))
                .and(apiGoesThroughTheApplication(service))
                .and(messagingGoesThroughTheApplication(service))
                .and(persistenceServesTheApplication(service))
                .and(noCycles(service))
                .and(noOtherService(service))
                .and(timeComesFromTheClock(service));
    }

    static ArchRule onlyTheSixPackages(String service) {
        String[] allowed = PACKAGES.stream().map(p -> service + "." + p + "..").toArray(String[]::new);
        return classes().that().resideInAPackage(service + "..")
                .and().resideOutsideOfPackage(service)
                .should().resideInAnyPackage(allowed)
                .as("every class of " + service + " lives in one of " + PACKAGES
                        + " (the root package holds only the application class)")
                .allowEmptyShould(true);
    }

    static ArchRule domainIsPlainJava(String service) {
        return classes().that().resideInAPackage(service + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "io.proposalflow.events..", service + ".domain..")
                .as("the domain is plain Java: it knows only java.*, the wire records and itself"
                        + " (no Spring, MongoDB, Reactor, platform or HTTP types)")
                .allowEmptyShould(true);
    }

    static ArchRule applicationKnowsNoEdge(String service) {
        return noClasses().that().resideInAPackage(service + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        service + ".api..", service + ".messaging..",
                        "org.springframework.http..", "org.springframework.web..")
                .as("the use cases know no edge: no controller, consumer or HTTP status"
                        + " (an outbound adapter implements a port the application defines)")
                .allowEmptyShould(true);
    }

    static ArchRule apiGoesThroughTheApplication(String service) {
        return noClasses().that().resideInAPackage(service + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        service + ".persistence..", service + ".messaging..")
                .as("the HTTP edge calls the use cases, never the stores or consumers")
                .allowEmptyShould(true);
    }

    static ArchRule messagingGoesThroughTheApplication(String service) {
        return noClasses().that().resideInAPackage(service + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        service + ".persistence..", service + ".api..")
                .as("the messaging edge calls the use cases, never the stores or controllers")
                .allowEmptyShould(true);
    }

    static ArchRule persistenceServesTheApplication(String service) {
        return noClasses().that().resideInAPackage(service + ".persistence..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        service + ".application..", service + ".api..", service + ".messaging..")
                .as("persistence maps the domain and knows no use case or edge")
                .allowEmptyShould(true);
    }

    static ArchRule noCycles(String service) {
        return slices().matching(service + ".(*)..")
                .should().beFreeOfCycles()
                .as("no cycles between the packages of " + service)
                .allowEmptyShould(true);
    }

    static ArchRule noOtherService(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as("a service never uses another service's code: they talk only through events")
                .allowEmptyShould(true);
    }

    static ArchRule timeComesFromTheClock(String service) {
        return noClasses().that().resideInAPackage(service + "..")
                .and().resideOutsideOfPackage(service + ".config..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .as("time comes from the injected Clock (config may create it), so tests can move it")
                .allowEmptyShould(true);
    }
}
