package io.proposalflow.review.application;

import java.util.UUID;

/**
 * The client changed a review case based on a version that is no longer the stored one (HTTP
 * If-Match): someone else changed it since it was read. Not an optimistic-locking failure to
 * retry, because the client has to look at the new state first.
 */
public class VersionMismatch extends RuntimeException {

    private final long currentVersion;

    public VersionMismatch(UUID caseId, long expectedVersion, Long currentVersion) {
        super("review case " + caseId + " is at version " + currentVersion + ", not " + expectedVersion);
        this.currentVersion = currentVersion == null ? 0 : currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
