package io.proposalflow.devstack;

/** A server of the dev stack cannot bind its port because something else holds it. */
public class PortInUseException extends IllegalStateException {

    private final int port;
    private final String server;

    public PortInUseException(int port, String server) {
        super(server + " cannot use port " + port + " on " + Ports.LOOPBACK
                + ": it is already in use (is another dev stack running?)");
        this.port = port;
        this.server = server;
    }

    public int port() {
        return port;
    }

    public String server() {
        return server;
    }
}
