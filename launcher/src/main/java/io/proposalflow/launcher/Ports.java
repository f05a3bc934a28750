package io.proposalflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** The ports on 127.0.0.1 the dev stack, the three services and the portal listen on. */
public record Ports(int kafka, int kafkaController, int mongo, int smtp, int imap,
                    int proposalService, int reviewService, int notificationService, int portal) {

    /** The documented defaults, the ports the services expect without configuration. */
    public static Ports defaults() {
        return new Ports(9092, 9093, 27017, 3025, 3143, 8081, 8082, 8083, 8080);
    }

    /**
     * The defaults, each replaced by its environment variable when set: the dev stack's own
     * variables ({@code DEVSTACK_KAFKA_PORT}, ...) and one per service ({@code PROPOSAL_SERVICE_PORT}, ...) and {@code PORTAL_PORT}.
     */
    public static Ports fromEnvironment(Map<String, String> env) {
        Ports d = defaults();
        return new Ports(
                read(env, "DEVSTACK_KAFKA_PORT", d.kafka),
                read(env, "DEVSTACK_KAFKA_CONTROLLER_PORT", d.kafkaController),
                read(env, "DEVSTACK_MONGO_PORT", d.mongo),
                read(env, "DEVSTACK_SMTP_PORT", d.smtp),
                read(env, "DEVSTACK_IMAP_PORT", d.imap),
                read(env, "PROPOSAL_SERVICE_PORT", d.proposalService),
                read(env, "REVIEW_SERVICE_PORT", d.reviewService),
                read(env, "NOTIFICATION_SERVICE_PORT", d.notificationService),
                read(env, "PORTAL_PORT", d.portal));
    }

    /**
     * Free ports for a run that must not collide with anything else on the machine (the system
     * test). Between choosing and binding another process could take one; the start then fails
     * with a clear "port in use" rather than talking to the wrong server.
     */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort());
    }

    private static int read(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), was '" + value + "'");
        }
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
