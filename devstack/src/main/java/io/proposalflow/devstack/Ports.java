package io.proposalflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers for servers that bind to 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * A port that was free a moment ago. Kafka needs its ports before it starts (the controller
     * port is part of the quorum configuration), so "bind to 0 and ask afterwards" does not work
     * there; the small race with other processes is acceptable for tests and a dev stack.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
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
