package io.proposalflow.launcher;

/**
 * How the services are laid out over the infrastructure: how many instances of each run (each on its
 * own port, with the same database, topics and consumer groups), and where they reach MongoDB and SMTP
 * when something stands between them and the dev stack (the fault runs put a proxy there that they cut).
 *
 * @param instances        instances of each service, 1 or more
 * @param serviceMongoPort the port the services use for MongoDB instead of the dev stack's, or 0
 * @param serviceSmtpPort  the port the services use for SMTP instead of the dev stack's, or 0
 */
public record Topology(int instances, int serviceMongoPort, int serviceSmtpPort) {

    public Topology {
        if (instances < 1) {
            throw new IllegalArgumentException("at least one instance of each service, was " + instances);
        }
    }

    /** One instance of each service, talking to the dev stack directly: what ./run.sh starts. */
    public static Topology single() {
        return new Topology(1, 0, 0);
    }
}
