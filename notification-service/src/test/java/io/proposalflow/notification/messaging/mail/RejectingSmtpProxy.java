package io.proposalflow.notification.messaging.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A mail server that refuses some mailboxes, or is slow, as real ones are: an SMTP relay on 127.0.0.1
 * in front of the test mail server that answers {@code RCPT TO} for the listed addresses itself with
 * "550 5.1.1 ... User unknown", can take its time before accepting a mail's content, and passes every
 * other line through. The test mail server accepts any address at once, so without this no test
 * could see a permanent rejection or a slow server.
 */
final class RejectingSmtpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<String> refused;
    private final java.time.Duration acceptDelay;
    /** Open client connections: closed with the proxy, so no client keeps talking through it. */
    private final Set<Socket> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private RejectingSmtpProxy(String targetHost, int targetPort, Set<String> refused,
            java.time.Duration acceptDelay) throws IOException {
        this.acceptDelay = acceptDelay;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.refused = refused.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        Thread acceptor = new Thread(this::accept, "rejecting-smtp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RejectingSmtpProxy start(String targetHost, int targetPort, Set<String> refused) throws IOException {
        return new RejectingSmtpProxy(targetHost, targetPort, refused, java.time.Duration.ZERO);
    }

    /** A server that waits {@code acceptDelay} after each mail's content before it answers. */
    static RejectingSmtpProxy slow(String targetHost, int targetPort, java.time.Duration acceptDelay)
            throws IOException {
        return new RejectingSmtpProxy(targetHost, targetPort, Set.of(), acceptDelay);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sessions.add(client);
                Thread session = new Thread(() -> relay(client), "rejecting-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(targetHost, targetPort)) {
            BufferedReader fromClient = reader(client);
            BufferedReader fromServer = reader(upstream);
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = upstream.getOutputStream();
            copyReply(fromServer, toClient);
            boolean inData = false;
            String line;
            while ((line = fromClient.readLine()) != null) {
                if (inData) {
                    if (line.equals(".")) {
                        pause();
                    }
                    write(toServer, line);
                    if (line.equals(".")) {
                        inData = false;
                        copyReply(fromServer, toClient);
                    }
                    continue;
                }
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("RCPT TO:") && refusedIn(line)) {
                    write(toClient, "550 5.1.1 " + line.substring(8).trim() + ": Recipient address rejected: User unknown");
                    continue;
                }
                write(toServer, line);
                String reply = copyReply(fromServer, toClient);
                if (command.startsWith("DATA") && reply.startsWith("354")) {
                    inData = true;
                }
                if (command.startsWith("QUIT")) {
                    return;
                }
            }
        } catch (IOException connectionGone) {
            // the client or the server hung up; nothing to clean up beyond the sockets
        }
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(acceptDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private boolean refusedIn(String rcpt) {
        String lower = rcpt.toLowerCase(Locale.ROOT);
        return refused.stream().anyMatch(lower::contains);
    }

    /** Copies one (possibly multi-line) reply; returns its last line. */
    private static String copyReply(BufferedReader from, OutputStream to) throws IOException {
        String line;
        do {
            line = from.readLine();
            if (line == null) {
                throw new IOException("server closed the connection");
            }
            write(to, line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket session : sessions) {
            session.close();
        }
    }
}
