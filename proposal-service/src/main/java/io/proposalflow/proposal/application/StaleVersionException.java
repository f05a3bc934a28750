package io.proposalflow.proposal.application;

/**
 * The caller changed a proposal naming a version (If-Match) that is no longer current: it must read the
 * proposal again. The API answers it with a 412; a write racing between load and save is caught by the
 * versioned save instead (409).
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(long current, long expected) {
        super("The proposal is at version " + current + ", not " + expected
                + ": read it again (GET, ETag) and retry.");
    }
}
