package io.proposalflow.events;

import java.util.Locale;
import java.util.UUID;

/**
 * The short reference people quote for a proposal (in mails, on the phone, in the portal's search),
 * e.g. {@code PV-1A2B3C4D}. Derived from the id, so every service computes the same reference without
 * storing or announcing it. Eight hex digits are 4 billion values: a collision within one county's
 * programme is unlikely, and the id stays the identifier; the reference only helps people find it.
 */
public final class ProposalReference {

    private ProposalReference() {
    }

    /** {@code "PV-"} and the first 8 hex digits of the id, upper case. */
    public static String of(UUID proposalId) {
        return "PV-" + proposalId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
