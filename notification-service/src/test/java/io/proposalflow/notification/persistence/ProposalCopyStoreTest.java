package io.proposalflow.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.domain.EventMeaning;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The copy of a proposal is written by two consumers (proposal events and review events) on two
 * threads; neither may undo what the other wrote.
 */
class ProposalCopyStoreTest extends IntegrationTest {

    @Autowired
    ProposalCopyStore copies;

    @Test
    void aReviewOpenedAtTheSameTimeAsTheSubmissionKeepsTheContentAndTheDueDate() {
        Instant due = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ProposalSubmitted submitted = newSubmission("Gleichzeitig");
            ReviewOpened opened = new ReviewOpened(UUID.randomUUID(), submitted.proposalId(), 1,
                    Themenfeld.WORK_ECONOMY, due);
            ids.add(submitted.proposalId());
            Mono.when(apply(opened).then().subscribeOn(Schedulers.parallel()),
                    apply(submitted).then().subscribeOn(Schedulers.parallel())).block();
        }
        for (UUID id : ids) {
            ProposalDocument copy = copies.find(id).block();
            assertThat(copy.hasContent()).as("content of %s", id).isTrue();
            assertThat(copy.partnerIds()).isNotEmpty();
            assertThat(copy.reviewDueAt()).isEqualTo(due);
        }
    }

    @Test
    void anOlderProposalEventDoesNotOverwriteANewerOne() {
        ProposalSubmitted submitted = newSubmission("Reihenfolge");
        UUID id = submitted.proposalId();
        apply(submitted).then().block();
        apply(resubmission(submitted, submitted.version() + 4, "Neuer Titel")).block();
        // a redelivered resubmission of an earlier round arrives late
        apply(resubmission(submitted, submitted.version() + 2, "Alter Titel")).block();

        ProposalDocument copy = copies.find(id).block();
        assertThat(copy.title()).isEqualTo("Neuer Titel");
        assertThat(copy.proposalVersion()).isEqualTo(submitted.version() + 4);
        assertThat(copy.partnerIds()).isNotEmpty();
    }

    @Test
    void aStatusChangeLeavesTheCopyAsItIs() {
        ProposalSubmitted submitted = newSubmission("Statuswechsel");
        apply(submitted).then().block();
        ProposalDocument before = copies.find(submitted.proposalId()).block();

        apply(new ProposalStatusChanged(submitted.proposalId(), submitted.version() + 1, Themenfeld.WORK_ECONOMY,
                submitted.content().title(), ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, null)).block();

        ProposalDocument after = copies.find(submitted.proposalId()).block();
        assertThat(after.proposalVersion()).isEqualTo(before.proposalVersion());
        assertThat(after.title()).isEqualTo(submitted.content().title());
    }

    private static ProposalResubmitted resubmission(ProposalSubmitted first, long version, String title) {
        ProposalContent c = first.content();
        return new ProposalResubmitted(first.proposalId(), version, 2, new ProposalContent(title, c.summary(),
                c.themenfeld(), c.goals(), c.targetGroups(), c.partners(), c.requestedBudgetEur(), c.plannedStart(),
                c.plannedEnd(), null), "fg-arbeitswelt");
    }

    /** As the planner does: the change the event means, applied to its proposal's copy. */
    private Mono<Void> apply(DomainEvent event) {
        return copies.apply(event.proposalId(), EventMeaning.of(event).copy());
    }
}
