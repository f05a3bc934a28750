package io.proposalflow.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** The ports on 127.0.0.1 the dev stack, the three services and the portal listen on. */
public record Ports(int kafka, int kafkaController, int mongo, int smtp, int imap,
                    int proposalService, int reviewService, int notificationService, int portal) {

    static final int CHOSEN_FROM = 20_000;
    static final int CHOSEN_BELOW = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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

    /**
     * A port on 127.0.0.1 that was free a moment ago and that this JVM has not handed out before,
     * chosen below the kernel's range of ephemeral ports (Linux: 32768-60999, the range "bind to 0"
     * and every outgoing connection take theirs from): there, a Kafka or HTTP client's connection
     * could take the port between choosing and binding, which failed system-test starts on a busy
     * machine. The dev stack chooses its own ports the same way (devstack's Ports; the launcher
     * starts it as a process of its own and does not depend on its classes).
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(CHOSEN_FROM, CHOSEN_BELOW);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + CHOSEN_FROM + " and " + CHOSEN_BELOW);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
