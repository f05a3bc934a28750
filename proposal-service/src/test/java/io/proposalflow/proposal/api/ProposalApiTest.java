package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.proposalflow.events.ProposalReference;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.domain.Action;

class ProposalApiTest extends ServiceTest {

    @Test
    void aFocusGroupDraftsAProposalAndReadsItBackWithItsVersionAsETag() {
        String id = createDraft(draftBody());

        as(OWNER).get().uri("/api/proposals/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.reference").isEqualTo(ProposalReference.of(UUID.fromString(id)))
                .jsonPath("$.reviewFeedback").isEmpty()
                .jsonPath("$.themenfeldLabel").isEqualTo("Arbeitswelt & Wirtschaft")
                .jsonPath("$.requestedBudgetEur").isEqualTo(48000.00)
                .jsonPath("$.partners[0].id").isEqualTo("stiftung-neuerkerode")
                .jsonPath("$.createdBy").isEqualTo(OWNER)
                .jsonPath("$.allowedActions").isEqualTo(List.of("EDIT", "SUBMIT", "WITHDRAW"));
    }

    @Test
    void aFocusGroupThatLeavesTheContactOutOfAnEditHasItRemoved() {
        String id = createDraft(draftBody());
        Map<String, Object> withoutContact = draftBody();
        withoutContact.remove("contact");

        as(OWNER).put().uri("/api/proposals/{id}", id).header("If-Match", "\"0\"").bodyValue(withoutContact)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.contact").doesNotExist();
        as(OWNER).get().uri("/api/proposals/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.contact").doesNotExist();
        assertThat(load(id).state().contact()).isNull();
    }

    @Test
    void anEditWithTheCurrentVersionSucceedsAndAStaleOneFailsItsPrecondition() {
        String id = createDraft(draftBody());
        Map<String, Object> changed = draftBody();
        changed.put("title", "Pflegeausbildung öffnen, mit Kinderbetreuung im Schichtdienst");

        as(OWNER).put().uri("/api/proposals/{id}", id).header("If-Match", "\"0\"").bodyValue(changed).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.title").isEqualTo(changed.get("title"));

        Map<String, Object> stale = draftBody();
        stale.put("title", "überholt");
        as(OWNER).put().uri("/api/proposals/{id}", id).header("If-Match", "\"0\"").bodyValue(stale).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("version 1"));
        assertThat(load(id).state().content().title()).isEqualTo(changed.get("title"));
        assertThat(load(id).getVersion()).isEqualTo(1);
    }

    @Test
    void aSystemThatPollsGetsTheProposalsChangedSinceItLastAskedOldestChangeFirst() throws InterruptedException {
        String unchanged = createDraft(draftBody());
        String edited = createDraft(draftBody());
        Thread.sleep(5);
        Instant lastAsked = Instant.now();
        Thread.sleep(5);
        String created = createDraft(draftBody());
        as(OWNER).put().uri("/api/proposals/{id}", edited).header("If-Match", "\"0\"").bodyValue(draftBody())
                .exchange().expectStatus().isOk();

        as(OWNER).get().uri(b -> b.path("/api/proposals").queryParam("changedSince", lastAsked.toString())
                        .queryParam("size", 100).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                // other tests' proposals may have changed meanwhile too; these three tell the rule
                .jsonPath("$.content[*].id").value(ids -> assertThat(((List<?>) ids).stream().map(String::valueOf)
                        .filter(List.of(unchanged, edited, created)::contains).toList())
                        .containsExactly(created, edited));
    }

    @Test
    void anEditWithoutIfMatchIsRefusedRatherThanOverwritingBlindly() {
        String id = createDraft(draftBody());
        as(OWNER).put().uri("/api/proposals/{id}", id).bodyValue(draftBody()).exchange()
                .expectStatus().isEqualTo(428);
        assertThat(load(id).getVersion()).isZero();
    }

    /**
     * An entity tag without its quotes, or one that is no version, is a malformed header (400, naming it); a
     * weak tag is well-formed but never matches If-Match, which compares strongly (412). Nothing is written.
     */
    @ParameterizedTest(name = "If-Match: {0} -> {1}")
    @CsvSource(delimiter = '|', value = { "\"abc\" | 400", "0 | 400", "W/\"0\" | 412" })
    void anIfMatchThatIsNoCurrentStrongEntityTagChangesNothing(String ifMatch, int status) {
        String id = createDraft(draftBody());
        var answer = as(OWNER).put().uri("/api/proposals/{id}", id).header("If-Match", ifMatch).bodyValue(draftBody())
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/problem+json")
                .expectBody();
        if (status == 400) {
            answer.jsonPath("$.errors[0].field").isEqualTo("If-Match");
        }
        assertThat(load(id).getVersion()).isZero();
    }

    @Test
    void theThemenfeldOfADraftCannotBeChanged() {
        String id = createDraft(draftBody());
        Map<String, Object> moved = draftBody();
        moved.put("themenfeld", "HEALTH");
        as(OWNER).put().uri("/api/proposals/{id}", id).header("If-Match", "\"0\"").bodyValue(moved).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.themenfeld").isEqualTo("WORK_ECONOMY");
    }

    @ParameterizedTest
    @EnumSource(ProposalStatus.class)
    void submitResubmitAndWithdrawAreAllowedExactlyWhereTheLifecycleAllowsThem(ProposalStatus status) {
        for (Action action : List.of(Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW)) {
            UUID id = givenProposalIn(status);
            String path = "/api/proposals/{id}/" + action.name().toLowerCase();
            var spec = as(OWNER).post().uri(path, id);
            var exchange = action == Action.WITHDRAW
                    ? spec.bodyValue(Map.of("reason", "Träger springt ab")).exchange()
                    : spec.exchange();
            if (action.allowedIn(status)) {
                exchange.expectStatus().isOk();
                assertThat(load(id).state().status()).as(action + " in " + status)
                        .isEqualTo(action == Action.WITHDRAW ? ProposalStatus.WITHDRAWN : ProposalStatus.SUBMITTED);
            } else {
                exchange.expectStatus().isEqualTo(409)
                        .expectHeader().contentType("application/problem+json")
                        .expectBody()
                        .jsonPath("$.currentStatus").isEqualTo(status.name())
                        .jsonPath("$.allowedActions").isEqualTo(
                                Action.userActionsIn(status).stream().map(Action::name).toList());
                assertThat(load(id).state().status()).as(action + " in " + status).isEqualTo(status);
                assertThat(load(id).getVersion()).isZero();
            }
        }
    }

    @Test
    void submittingWithAStaleIfMatchFailsItsPrecondition() {
        String id = createDraft(draftBody());
        as(OWNER).post().uri("/api/proposals/{id}/submit", id).header("If-Match", "\"7\"").exchange()
                .expectStatus().isEqualTo(412);
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.DRAFT);
    }

    @Test
    void theHistoryTellsWhoDidWhatWhenAndWhy() {
        String id = createDraft(draftBody());
        as(OWNER).post().uri("/api/proposals/{id}/submit", id).exchange().expectStatus().isOk();
        as(OWNER).post().uri("/api/proposals/{id}/withdraw", id).bodyValue(Map.of("reason", "Doppelt beantragt"))
                .exchange().expectStatus().isOk();

        as(OWNER).get().uri("/api/proposals/{id}/history", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(3)
                .jsonPath("$.content[0].what").isEqualTo("DRAFTED")
                .jsonPath("$.content[1].what").isEqualTo("SUBMITTED")
                .jsonPath("$.content[1].actor").isEqualTo(OWNER)
                .jsonPath("$.content[1].at").exists()
                .jsonPath("$.content[2].from").isEqualTo("SUBMITTED")
                .jsonPath("$.content[2].to").isEqualTo("WITHDRAWN")
                .jsonPath("$.content[2].note").isEqualTo("Doppelt beantragt");
    }

    @Test
    void theListFiltersByStatusThemenfeldProgrammeAndTextNewestFirst() {
        String marker = "Marker" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> first = draftBody();
        first.put("title", "Erster " + marker);
        String older = createDraft(first);
        Map<String, Object> second = draftBody();
        second.put("summary", "Zweiter Vorschlag, " + marker.toLowerCase());
        second.put("fundingProgramme", "Akti(F)");
        String newer = createDraft(second);
        as(OWNER).post().uri("/api/proposals/{id}/submit", newer).exchange().expectStatus().isOk();

        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker).build()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(2)
                .jsonPath("$.content[0].id").isEqualTo(newer)
                .jsonPath("$.content[1].id").isEqualTo(older);
        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker)
                .queryParam("status", "SUBMITTED").build()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(1).jsonPath("$.content[0].id").isEqualTo(newer);
        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker)
                .queryParam("fundingProgramme", "ESF Plus").build()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(1).jsonPath("$.content[0].id").isEqualTo(older);
        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker)
                .queryParam("themenfeld", "HEALTH").build()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker)
                .queryParam("size", 1).queryParam("page", 1).build()).exchange()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(2)
                .jsonPath("$.totalPages").isEqualTo(2)
                .jsonPath("$.content[0].id").isEqualTo(older);
    }

    @Test
    void theShortReferenceFindsItsProposal() {
        String wanted = createDraft(draftBody());
        createDraft(draftBody());
        String reference = ProposalReference.of(UUID.fromString(wanted));

        as(OWNER).get().uri(u -> u.path("/api/proposals").queryParam("q", reference).build()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].id").isEqualTo(wanted)
                .jsonPath("$.content[0].reference").isEqualTo(reference);
        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", " " + reference.toLowerCase() + " ")
                .build()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(1).jsonPath("$.content[0].id").isEqualTo(wanted);
        // another group's proposal stays invisible, reference or not
        as(OTHER_GROUP).get().uri(u -> u.path("/api/proposals").queryParam("q", reference).build()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void aPageLargerThanTheMaximumIsRefused() {
        as(COORDINATOR).get().uri("/api/proposals?size=101").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }
}
