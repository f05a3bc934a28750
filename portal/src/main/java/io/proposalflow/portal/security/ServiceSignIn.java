package io.proposalflow.portal.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.portal.backend.ApiProblemException;
import io.proposalflow.portal.backend.BackendUnavailableException;
import io.proposalflow.portal.backend.Dtos.Page;
import io.proposalflow.portal.backend.Dtos.Proposal;
import io.proposalflow.portal.backend.ProposalApi;
import io.proposalflow.portal.backend.ReviewApi;
import reactor.core.publisher.Mono;

/**
 * Checks a sign-in by asking the services, which own the users: the portal keeps no user list of its
 * own. Two cheap reads as the candidate tell whether the services accept the credentials (401 if
 * not) and which role the user has: proposals are readable by focus groups and the coordination,
 * review cases by reviewers and the coordination.
 */
public final class ServiceSignIn implements ReactiveAuthenticationManager {

    private final ProposalApi proposals;
    private final ReviewApi reviews;

    public ServiceSignIn(ProposalApi proposals, ReviewApi reviews) {
        this.proposals = proposals;
        this.reviews = reviews;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication login) {
        String username = login.getName() == null ? "" : login.getName().trim();
        String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
        if (username.isEmpty() || password.isEmpty()) {
            return Mono.error(new BadCredentialsException("user name and password are required"));
        }
        ServiceCredentials credentials = new ServiceCredentials(username, password);
        PortalAuthentication candidate = PortalAuthentication.candidate(credentials);
        Mono<Optional<Page<Proposal>>> proposalAnswer = readable(proposals.list(null, null, null, 0, 1));
        Mono<Optional<Object>> reviewAnswer = readable(reviews.list(1).cast(Object.class));
        return Mono.zip(proposalAnswer, reviewAnswer)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(candidate))
                .<Authentication>flatMap(answers -> {
                    boolean readsProposals = answers.getT1().isPresent();
                    boolean readsReviews = answers.getT2().isPresent();
                    PortalRole role = readsProposals && readsReviews ? PortalRole.COORDINATOR
                            : readsProposals ? PortalRole.FOCUS_GROUP
                            : readsReviews ? PortalRole.REVIEWER : null;
                    if (role == null) {
                        return Mono.error(new BadCredentialsException("no role the portal serves"));
                    }
                    Themenfeld themenfeld = role == PortalRole.FOCUS_GROUP ? answers.getT1().get().content().stream()
                            .findFirst().map(Proposal::themenfeld).orElse(null) : null;
                    return Mono.just(PortalAuthentication.signedIn(new PortalUser(username, role, themenfeld),
                            credentials));
                })
                .onErrorMap(BackendUnavailableException.class,
                        e -> new AuthenticationServiceException("a service is not reachable", e));
    }

    /** Present if the candidate may read it, empty if 403; 401 means the services do not know them. */
    private static <T> Mono<Optional<T>> readable(Mono<T> read) {
        return read.map(Optional::of).onErrorResume(ApiProblemException.class, e -> {
            if (e.status() == 401) {
                return Mono.error(new BadCredentialsException("rejected by the services"));
            }
            if (e.status() == 403) {
                return Mono.just(Optional.empty());
            }
            return Mono.error(e);
        });
    }
}
