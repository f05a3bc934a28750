package io.proposalflow.testsupport;

import java.util.Optional;

import io.proposalflow.devstack.EmbeddedMail;

/**
 * Endpoints of one source of backends (environment, containers or embedded servers). A source
 * only answers for the backends it was asked to provide.
 */
interface Backends extends AutoCloseable {

    String kafkaBootstrapServers();

    /** Server URI without a database. */
    String mongoUri();

    String smtpHost();

    int smtpPort();

    /** -1 when unknown. */
    int imapPort();

    default Optional<EmbeddedMail> embeddedMail() {
        return Optional.empty();
    }

    /** Stops what this source started; never throws. */
    @Override
    void close();
}
