package io.proposalflow.systemtest;

import static io.proposalflow.systemtest.SystemUnderTest.distinct;
import static io.proposalflow.systemtest.SystemUnderTest.reviewerIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventSources;
import io.proposalflow.events.EventType;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.ProposalReference;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Topics;
import io.proposalflow.launcher.DemoData;
import io.proposalflow.launcher.Service;
import io.proposalflow.systemtest.SystemUnderTest.Received;
import tools.jackson.databind.JsonNode;

/**
 * Whole stories through the public APIs of the running system: the dev stack and the three
 * services in their own JVMs, exactly as {@code ./run.sh} starts them. Each story asserts on what
 * the APIs show, on the events in the topics (CloudEvents attributes, keys, order per proposal)
 * and on the mail that arrived in the recipients' mailboxes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProposalStoriesSystemTest {

    private static final LocalDate START = LocalDate.now().plusMonths(3).withDayOfMonth(1);

    private static SystemUnderTest sut;

    @BeforeAll
    static void startSystem() {
        sut = SystemUnderTest.start();
    }

    @AfterAll
    static void stopSystem() {
        if (sut != null) {
            sut.close();
        }
    }

    @Test
    @Order(1)
    void neuerkerodeGoesFromDraftThroughTwoApprovalsToAGrantedFundingApplication() {
        String title = DemoData.NEUERKERODE_TITLE + " (Systemtest)";
        String id = sut.create("fg-arbeitswelt", titled(DemoData.neuerkerode(START), title)).get("id").asString();
        assertThat(sut.proposals.as("fg-wohnen").get("/api/proposals/" + id).status())
                .as("another focus group does not see the draft").isEqualTo(404);

        sut.act("fg-arbeitswelt", id, "submit", null);
        sut.awaitStatus(id, "IN_REVIEW");
        JsonNode reviewCase = sut.awaitReviewCase(id, 1, "OPEN");
        List<String> reviewers = reviewerIds(reviewCase);
        assertThat(reviewers).as("two reviewers, none from the submitting focus group or a partner organisation")
                .hasSize(2).doesNotContain("rev-arbeitswelt", "rev-neuerkerode", "rev-jobcenter");
        Map<String, String> reviewerAddresses = sut.reviewerAddresses();
        for (String reviewer : reviewers) {
            sut.awaitMails(reviewerAddresses.get(reviewer), List.of(title));
        }
        String caseId = reviewCase.get("id").asString();
        assertThat(sut.decide("rev-neuerkerode", caseId, "APPROVE", null).status())
                .as("a reviewer from a partner organisation cannot decide").isEqualTo(404);

        sut.decide(reviewers.get(0), caseId, "APPROVE", "Überzeugendes Konzept, Kinderbetreuung ist eingeplant.")
                .expect(200);
        assertThat(sut.proposals.as("koordination").get("/api/proposals/" + id).expect(200).get("status")
                .asString()).as("one approval of two decides nothing").isEqualTo("IN_REVIEW");
        sut.decide(reviewers.get(1), caseId, "APPROVE", null).expect(200);
        sut.awaitStatus(id, "APPROVED");

        sut.reportFunding(id, funding("EXPRESSION_OF_INTEREST_SUBMITTED", null));
        sut.awaitStatus(id, "FUNDING_APPLIED");
        sut.reportFunding(id, funding("INVITED_TO_APPLY", null));
        sut.reportFunding(id, funding("APPLICATION_SUBMITTED", null));
        JsonNode funded = sut.reportFunding(id, funding("GRANTED", "180000.00"));
        assertThat(funded.get("status").asString()).isEqualTo("FUNDED");
        assertThat(funded.get("fundingApplication").get("grantedAmountEur").decimalValue())
                .isEqualByComparingTo("180000.00");

        // only what another service acts on is published: no draft, no status change, no single decision
        List<Received> proposalEvents = sut.awaitEvents(Topics.PROPOSAL_EVENTS, id,
                events -> distinct(events).stream().map(ProposalStoriesSystemTest::describe)
                        .anyMatch("funding GRANTED"::equals));
        assertCloudEvents(proposalEvents, id, EventSources.PROPOSAL_SERVICE);
        assertThat(distinct(proposalEvents)).extracting(ProposalStoriesSystemTest::describe).containsExactly(
                "proposal.submitted", "funding EXPRESSION_OF_INTEREST_SUBMITTED", "funding INVITED_TO_APPLY",
                "funding APPLICATION_SUBMITTED", "funding GRANTED");

        List<Received> reviewEvents = sut.awaitEvents(Topics.REVIEW_EVENTS, id,
                events -> events.stream().anyMatch(e -> e.envelope().data() instanceof ReviewCompleted));
        assertCloudEvents(reviewEvents, id, EventSources.REVIEW_SERVICE);
        assertThat(distinct(reviewEvents)).extracting(ProposalStoriesSystemTest::describe).containsExactly(
                "review.opened", "review.reviewers-assigned", "review completed APPROVED");

        // one mail per person and step: partners and the focus group hear of each step once, in German,
        // the reviewers once that they are asked
        String t = "„" + title + "“";
        String ref = " (" + ProposalReference.of(UUID.fromString(id)) + ")";
        List<String> steps = List.of(
                "Projektvorschlag eingereicht: " + t + ref,
                "Begutachtung abgeschlossen: " + t + " – Befürwortet" + ref,
                "Förderantrag zu " + t + ": Interessenbekundung eingereicht" + ref,
                "Förderantrag zu " + t + ": Zur Antragstellung aufgefordert" + ref,
                "Förderantrag zu " + t + ": Antrag eingereicht" + ref,
                "Förderantrag zu " + t + ": Bewilligt" + ref);
        List<String> partners = new ArrayList<>();
        for (String organisation : List.of("stiftung-neuerkerode", "jobcenter-goslar")) {
            partners.addAll(sut.contactAddresses(organisation));
        }
        for (String partner : partners) {
            assertThat(oneMailPerStep(partner, title, steps)).allSatisfy(m -> assertThat(m.text())
                    .startsWith("Guten Tag").contains("/proposals/" + id));
        }
        List<Mailbox.Mail> focusGroupMails = oneMailPerStep(sut.focusGroupAddress("WORK_ECONOMY"), title, steps);
        assertThat(focusGroupMails).allSatisfy(m -> assertThat(m.text())
                .startsWith("Sehr geehrte Mitglieder der Fokusgruppe Arbeitswelt & Wirtschaft,"));
        assertThat(focusGroupMails).filteredOn(m -> m.subject().contains("Bewilligt")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Status: Gefördert", "180.000,00 €"));
        for (String reviewer : reviewers) {
            oneMailPerStep(reviewerAddresses.get(reviewer), title, List.of(
                    sut.reviewersReadingEnglish().contains(reviewer) ? "Review requested: \"" + title + "\"" + ref
                            : "Bitte um Begutachtung: " + t + ref));
        }

        int mails = (partners.size() + 1) * steps.size() + reviewers.size();
        List<Received> notificationEvents = sut.awaitEvents(Topics.NOTIFICATION_EVENTS, id,
                events -> events.stream().filter(e -> e.envelope().data() instanceof NotificationSent).count() >= mails);
        // each mail is its own aggregate in notification-service, so its reports have no order among them
        assertCloudEvents(notificationEvents, id, EventSources.NOTIFICATION_SERVICE, false);
        assertThat(distinct(notificationEvents)).as("one report per mail").hasSize(mails);
        // the history shows the steps, not the mails: submitted, reviewers asked, review, four funding reports
        JsonNode history = SystemUnderTest.eventually("seven notification steps in the history",
                () -> sut.proposals.as("koordination").get("/api/proposals/" + id + "/history?size=100").expect(200).get("content"),
                h -> notificationSteps(h).size() == 7);
        assertThat(notificationSteps(history)).as("the submission's line names who was told")
                .anySatisfy(note -> assertThat(note.asString())
                        .contains("Benachrichtigt: ", "Fokusgruppe", "Stiftung Neuerkerode", "Jobcenter Goslar"));
        assertThat(history.toString()).doesNotContain("@", "rev-kvhs", "rev-migration");
    }

    /**
     * Waits for the mails of these steps, then checks that the mailbox holds exactly them about this
     * proposal: each once, none missing, nothing else (a mail for a step that does not concern the
     * person, or a second one for the same step, fails).
     */
    private static List<Mailbox.Mail> oneMailPerStep(String address, String title, List<String> subjects) {
        List<Mailbox.Mail> aboutThis = sut.awaitMails(address, subjects).stream()
                .filter(m -> m.subject() != null && m.subject().contains(title)).toList();
        assertThat(aboutThis).extracting(Mailbox.Mail::subject).as("mails to %s", address)
                .containsExactlyInAnyOrderElementsOf(subjects);
        return aboutThis;
    }

    private static List<JsonNode> notificationSteps(JsonNode history) {
        List<JsonNode> notes = new ArrayList<>();
        history.forEach(entry -> {
            if (entry.get("what").asString().startsWith("NOTIFICATION_")) {
                notes.add(entry.get("note"));
            }
        });
        return notes;
    }

    @Test
    @Order(2)
    void aRequestForChangesLeadsToAResubmissionAndASecondRound() {
        String title = DemoData.AKTIF_TITLE + " (Systemtest)";
        String id = sut.create("fg-wohnen", titled(DemoData.aktif(START), title)).get("id").asString();
        sut.act("fg-wohnen", id, "submit", null);
        JsonNode firstRound = sut.awaitReviewCase(id, 1, "OPEN");
        List<String> reviewers = reviewerIds(firstRound);
        assertThat(reviewers).hasSize(2).doesNotContain("rev-wohnen", "rev-migration", "rev-ehrenamt");

        String caseId = firstRound.get("id").asString();
        JsonNode refused = sut.decide(reviewers.get(0), caseId, "REQUEST_CHANGES", null).expect(400);
        assertThat(refused.toString()).as("a request for changes needs a comment").contains("comment");
        sut.decide(reviewers.get(0), caseId, "REQUEST_CHANGES",
                "Bitte die Zusammenarbeit mit den Vereinen in Oker konkret beschreiben.").expect(200);
        sut.decide(reviewers.get(1), caseId, "APPROVE", null).expect(200);
        JsonNode changesRequested = sut.awaitStatus(id, "CHANGES_REQUESTED");
        assertThat(changesRequested.get("allowedActions").toString()).contains("RESUBMIT");

        Map<String, Object> revised = titled(DemoData.aktif(START), title);
        revised.put("goals", List.of("Anlaufstelle im Quartier Oker an drei Tagen pro Woche",
                "Feste Kooperation mit dem Sportverein und der Kirchengemeinde in Oker"));
        sut.edit("fg-wohnen", id, revised);
        JsonNode resubmitted = sut.act("fg-wohnen", id, "resubmit", null);
        assertThat(resubmitted.get("round").asInt()).isEqualTo(2);
        JsonNode secondRound = sut.awaitReviewCase(id, 2, "OPEN");
        assertThat(secondRound.get("proposal").get("goals").toString()).contains("Sportverein");
        for (String reviewer : reviewerIds(secondRound)) {
            sut.decide(reviewer, secondRound.get("id").asString(), "APPROVE", null).expect(200);
        }
        sut.awaitStatus(id, "APPROVED");

        List<Received> proposalEvents = sut.awaitEvents(Topics.PROPOSAL_EVENTS, id,
                events -> events.stream().anyMatch(e -> e.envelope().data() instanceof ProposalResubmitted));
        assertCloudEvents(proposalEvents, id, EventSources.PROPOSAL_SERVICE);
        assertThat(distinct(proposalEvents)).extracting(ProposalStoriesSystemTest::describe).containsExactly(
                "proposal.submitted", "resubmitted round 2");
        List<Received> reviewEvents = sut.awaitEvents(Topics.REVIEW_EVENTS, id,
                events -> events.stream().filter(e -> e.envelope().data() instanceof ReviewCompleted).count() == 2);
        assertThat(distinct(reviewEvents)).extracting(ProposalStoriesSystemTest::describe)
                .filteredOn(d -> d.startsWith("review completed"))
                .containsExactly("review completed CHANGES_REQUESTED", "review completed APPROVED");

        // the focus group reads what the reviewers asked for, in its mail, in the API and in the history,
        // and never who asked
        String t = "„" + title + "“";
        String ref = " (" + ProposalReference.of(UUID.fromString(id)) + ")";
        String comment = "Bitte die Zusammenarbeit mit den Vereinen in Oker konkret beschreiben.";
        List<String> steps = List.of("Projektvorschlag eingereicht: " + t + ref,
                "Begutachtung abgeschlossen: " + t + " – Überarbeitung erbeten" + ref,
                "Überarbeiteter Projektvorschlag eingereicht: " + t + ref,
                "Begutachtung abgeschlossen: " + t + " – Befürwortet" + ref);
        Mailbox.Mail changesMail = oneMailPerStep(sut.focusGroupAddress("LOCAL_LIVING"), title, steps).stream()
                .filter(m -> m.subject().contains("Überarbeitung erbeten")).findFirst().orElseThrow();
        assertThat(changesMail.text()).contains("Hinweise aus der Begutachtung:", "- " + comment,
                "Bitte überarbeiten Sie den Vorschlag anhand der Hinweise oben und reichen Sie ihn im Portal erneut ein.")
                .doesNotContain(reviewers.toArray(String[]::new));
        for (String address : sut.contactAddresses("landkreis-goslar")) {
            oneMailPerStep(address, title, steps);
        }
        JsonNode feedback = sut.proposals.as("fg-wohnen").get("/api/proposals/" + id).expect(200).get("reviewFeedback");
        assertThat(feedback.get(0).get("outcome").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(feedback.get(0).get("comments").toString()).contains(comment);
        JsonNode history = sut.proposals.as("fg-wohnen").get("/api/proposals/" + id + "/history?size=100").expect(200).get("content");
        assertThat(history.toString()).contains(comment).doesNotContain(reviewers.toArray(String[]::new));
    }

    @Test
    @Order(3)
    void aRejectionEndsTheProposal() {
        String title = "Sprachcafé mit Kinderbetreuung in Bad Harzburg";
        Map<String, Object> content = titled(DemoData.aktif(START), title);
        content.put("themenfeld", "EDUCATION_LANGUAGE");
        content.put("partners", List.of(Map.of("id", "kreisvolkshochschule-goslar", "name",
                "Kreisvolkshochschule Goslar", "role", "Kursleitung")));
        String id = sut.create("fg-bildung", content).get("id").asString();
        sut.act("fg-bildung", id, "submit", null);
        JsonNode reviewCase = sut.awaitReviewCase(id, 1, "OPEN");
        assertThat(reviewerIds(reviewCase)).hasSize(2).doesNotContain("rev-kvhs");
        for (String reviewer : reviewerIds(reviewCase)) {
            sut.decide(reviewer, reviewCase.get("id").asString(), "REJECT",
                    "Das Angebot besteht bereits bei der Kreisvolkshochschule.").expect(200);
        }
        JsonNode rejected = sut.awaitStatus(id, "REJECTED");
        assertThat(rejected.get("allowedActions")).isEmpty();
        assertThat(sut.proposals.as("fg-bildung").send("POST", "/api/proposals/" + id + "/withdraw",
                Map.of("reason", "zu spät"), Map.of()).status()).as("a final proposal cannot be withdrawn")
                .isEqualTo(409);

        List<Received> reviewEvents = sut.awaitEvents(Topics.REVIEW_EVENTS, id,
                events -> events.stream().anyMatch(e -> e.envelope().data() instanceof ReviewCompleted));
        assertThat(distinct(reviewEvents)).extracting(ProposalStoriesSystemTest::describe)
                .endsWith("review completed REJECTED");
        // the Kreisvolkshochschule's contact reads English: the same steps, entirely in her language
        String ref = " (" + ProposalReference.of(UUID.fromString(id)) + ")";
        for (String address : sut.contactAddresses("kreisvolkshochschule-goslar")) {
            List<Mailbox.Mail> mails = oneMailPerStep(address, title, List.of(
                    "Project proposal submitted: \"" + title + "\"" + ref,
                    "Review completed: \"" + title + "\" - Rejected" + ref));
            assertThat(mails).allSatisfy(m -> assertThat(m.text()).startsWith("Dear")
                    .doesNotContain("Guten Tag", "Begutachtung", "Sie "));
            assertThat(mails).filteredOn(m -> m.subject().contains("Rejected")).singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("Notes from the review:",
                            "Das Angebot besteht bereits bei der Kreisvolkshochschule.", "2 in all: 0 approved"));
        }
    }

    @Test
    @Order(4)
    void aWithdrawalDuringReviewCancelsTheReview() {
        String title = "Gesundheitslotsinnen für zugewanderte Familien im Landkreis Goslar";
        Map<String, Object> content = titled(DemoData.neuerkerode(START), title);
        content.put("themenfeld", "HEALTH");
        content.put("partners", List.of(Map.of("id", "gesundheitsamt-goslar", "name", "Gesundheitsamt Goslar",
                "role", "Schulung der Lotsinnen")));
        String id = sut.create("fg-gesundheit", content).get("id").asString();
        sut.act("fg-gesundheit", id, "submit", null);
        JsonNode reviewCase = sut.awaitReviewCase(id, 1, "OPEN");
        String reviewer = reviewerIds(reviewCase).get(0);
        // the focus group withdraws what it sees in review: the opened review has reached the proposal
        // too (otherwise the If-Match read before that is stale by the time the withdrawal arrives)
        sut.awaitStatus(id, "IN_REVIEW");

        JsonNode withdrawn = sut.act("fg-gesundheit", id, "withdraw",
                Map.of("reason", "Die Finanzierung ist über den Landkreis bereits gesichert."));
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode cancelled = sut.awaitReviewCase(id, 1, "CANCELLED");
        assertThat(cancelled.get("cancelReason")).isNotNull();
        assertThat(sut.decide(reviewer, reviewCase.get("id").asString(), "APPROVE", null).status())
                .as("a cancelled case takes no more decisions").isEqualTo(409);

        List<Received> reviewEvents = sut.awaitEvents(Topics.REVIEW_EVENTS, id,
                events -> events.stream().anyMatch(e -> e.envelope().eventType() == EventType.REVIEW_CANCELLED));
        assertThat(distinct(reviewEvents)).extracting(ProposalStoriesSystemTest::describe)
                .containsExactly("review.opened", "review.reviewers-assigned", "review.cancelled");
        // partners are told, the focus group gets a confirmation, the reviewers learn their review is off
        String t = "„" + title + "“";
        String ref = " (" + ProposalReference.of(UUID.fromString(id)) + ")";
        for (String address : sut.contactAddresses("gesundheitsamt-goslar")) {
            oneMailPerStep(address, title, List.of("Projektvorschlag eingereicht: " + t + ref,
                    "Projektvorschlag zurückgezogen: " + t + ref));
        }
        oneMailPerStep(sut.focusGroupAddress("HEALTH"), title, List.of("Projektvorschlag eingereicht: " + t + ref,
                "Bestätigung: Projektvorschlag " + t + " zurückgezogen" + ref));
        Map<String, String> reviewerAddresses = sut.reviewerAddresses();
        for (String assigned : reviewerIds(reviewCase)) {
            boolean english = sut.reviewersReadingEnglish().contains(assigned);
            List<Mailbox.Mail> mails = oneMailPerStep(reviewerAddresses.get(assigned), title, english
                    ? List.of("Review requested: \"" + title + "\"" + ref, "Review no longer needed: \"" + title + "\"" + ref)
                    : List.of("Bitte um Begutachtung: " + t + ref, "Begutachtung entfällt: " + t + ref));
            assertThat(mails).as("the cancellation names the reason").anySatisfy(m -> assertThat(m.text())
                    .contains("Die Finanzierung ist über den Landkreis bereits gesichert."));
        }
    }

    @Test
    @Order(5)
    void oneTraceIdCanBeFollowedThroughTheLogsOfAllThreeServices() {
        String title = "Empowerment-Werkstatt für geflüchtete Frauen in Goslar";
        Map<String, Object> content = titled(DemoData.aktif(START), title);
        content.put("themenfeld", "EMPOWERMENT");
        content.put("partners", List.of(Map.of("id", "landkreis-goslar", "name",
                "Landkreis Goslar Migrationsdienste", "role", "Träger")));
        String id = sut.create("fg-empowerment", content).get("id").asString();
        String traceId = sut.actAnswer("fg-empowerment", id, "submit", null).header("X-Trace-Id");
        assertThat(traceId).as("the submit's trace id").matches("[0-9a-f]{32}");

        // the submit's events carry the trace to review-service, whose events carry it back to
        // proposal-service and on to notification-service, which sends the mails under it
        for (Service service : Service.values()) {
            SystemUnderTest.eventually(service.id() + " logs trace " + traceId, () -> sut.logLines(service),
                    lines -> lines.stream().anyMatch(line -> line.contains(traceId) && line.contains(id)));
        }
        List<Received> proposalEvents = sut.awaitEvents(Topics.PROPOSAL_EVENTS, id,
                events -> events.stream().anyMatch(e -> e.envelope().data() instanceof ProposalSubmitted));
        assertThat(proposalEvents).as("every event of the submitted proposal carries the trace")
                .allSatisfy(e -> assertThat(e.headers().get("traceparent")).contains(traceId));
        List<Received> reviewEvents = sut.awaitEvents(Topics.REVIEW_EVENTS, id,
                events -> events.stream().anyMatch(e -> e.envelope().data() instanceof ReviewOpened));
        assertThat(reviewEvents).as("and so does the review it opened")
                .allSatisfy(e -> assertThat(e.headers().get("traceparent")).contains(traceId));
    }

    @Test
    @Order(6)
    void demoDataLoadsOnceHoweverOftenItIsLoaded() {
        List<DemoData.Outcome> first = new DemoData(sut.proposals).load();
        List<DemoData.Outcome> second = new DemoData(sut.proposals).load();
        assertThat(first).extracting(DemoData.Outcome::action).containsOnly("created and submitted");
        assertThat(second).extracting(DemoData.Outcome::action).containsOnly("already there");
        assertThat(second).extracting(DemoData.Outcome::id)
                .containsExactlyElementsOf(first.stream().map(DemoData.Outcome::id).toList());
        for (String title : List.of(DemoData.NEUERKERODE_TITLE, DemoData.AKTIF_TITLE)) {
            JsonNode page = sut.proposals.as("koordination")
                    .get("/api/proposals?size=100&q=" + java.net.URLEncoder.encode(title,
                            java.nio.charset.StandardCharsets.UTF_8)).expect(200);
            assertThat(page.get("content")).filteredOn(p -> p.get("title").asString().equals(title)).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> titled(Map<String, Object> content, String title) {
        Map<String, Object> copy = new HashMap<>(content);
        copy.put("title", title);
        return copy;
    }

    private static Map<String, Object> funding(String stage, String granted) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("programme", "ESF Plus Niedersachsen");
        report.put("stage", stage);
        report.put("requestedAmountEur", "185000.00");
        if (granted != null) {
            report.put("grantedAmountEur", granted);
        }
        report.put("stageDate", LocalDate.now().toString());
        return report;
    }

    /** Every record: keyed by the proposal, a complete CloudEvent from the expected source, in time order. */
    private static void assertCloudEvents(List<Received> events, String proposalId, String source) {
        assertCloudEvents(events, proposalId, source, true);
    }

    private static void assertCloudEvents(List<Received> events, String proposalId, String source,
            boolean inTimeOrderPerProposal) {
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(proposalId);
            assertThat(e.headers()).containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventHeaders.SOURCE, source)
                    .containsEntry(CloudEventHeaders.SUBJECT, proposalId)
                    .containsEntry(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                    .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.TIME);
            assertThat(EventType.fromType(e.type())).isPresent();
        });
        Predicate<List<Received>> inTimeOrder = list -> {
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).envelope().time().isBefore(list.get(i - 1).envelope().time())) {
                    return false;
                }
            }
            return true;
        };
        assertThat(!inTimeOrderPerProposal || inTimeOrder.test(distinct(events))).as("events of one proposal in order: "
                + distinct(events).stream().map(e -> describe(e) + "@" + e.envelope().time()).toList()).isTrue();
    }

    /** A short description of an event for comparing sequences. */
    private static String describe(Received received) {
        DomainEvent data = received.envelope().data();
        if (data instanceof ProposalStatusChanged c) {
            return "status " + c.from() + "->" + c.to(); // not published since issue 17; would show as extra
        }
        if (data instanceof FundingApplicationUpdated f) {
            return "funding " + f.stage();
        }
        if (data instanceof ProposalResubmitted r) {
            return "resubmitted round " + r.round();
        }
        if (data instanceof ReviewCompleted c) {
            return "review completed " + c.outcome();
        }
        if (data instanceof ReviewersAssigned) {
            return "review.reviewers-assigned";
        }
        // io.proposalflow.proposal.drafted.v1 -> proposal.drafted
        String type = received.type();
        return type.substring("io.proposalflow.".length(), type.lastIndexOf('.'));
    }
}
