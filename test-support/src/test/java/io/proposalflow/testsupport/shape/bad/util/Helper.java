package io.proposalflow.testsupport.shape.bad.util;

/** A seventh package. */
public final class Helper {

    private Helper() {
    }
}
