package io.proposalflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port helpers for servers that bind to 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * Ports are chosen below the kernel's range for ephemeral ports (Linux: 32768-60999), from which
     * "bind to 0" and every outgoing connection take theirs: a port chosen there can be taken by a
     * client connection (Kafka, MongoDB, HTTP) between choosing and binding, which failed system-test
     * starts on a busy machine; below it only another server that chose the same port can.
     */
    static final int CHOSEN_FROM = 20_000;
    static final int CHOSEN_BELOW = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago and that this JVM has not handed out before. Kafka needs its
     * ports before it starts (the controller port is part of the quorum configuration), so "bind to
     * 0 and ask afterwards" does not work there; what race remains (another process choosing the
     * same port in the same moment) is acceptable for tests and a dev stack.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(CHOSEN_FROM, CHOSEN_BELOW);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns {@code port}, or a free port when it is 0. */
    public static int resolve(int port) {
        return port == 0 ? freePort() : port;
    }

    /**
     * Fails with a message naming the server when {@code port} is taken, before any server starts,
     * so a second dev stack stops at once instead of half-starting.
     */
    public static void requireFree(int port, String server) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // like the servers themselves (Java's default on Linux): connections of a stopped
            // server that linger in TIME_WAIT do not block a restart
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port), 1);
        } catch (IOException e) {
            throw new PortInUseException(port, server);
        }
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
