package io.proposalflow.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class Closer {

    private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

    private Closer() {
    }

    /** Stops a server at JVM exit or after a failed start, where a failure must not hide others. */
    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Could not stop {}", closeable, e);
        }
    }
}
