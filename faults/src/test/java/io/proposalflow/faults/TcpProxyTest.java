package io.proposalflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy the fault runs put between the services and the mail server or MongoDB. */
class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread session = new Thread(() -> {
                        try (client; BufferedReader in = reader(client); PrintWriter out = writer(client)) {
                            String line;
                            while ((line = in.readLine()) != null) {
                                out.println("echo " + line);
                            }
                        } catch (IOException ignored) {
                            // the proxy cut us off
                        }
                    });
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = new TcpProxy("echo", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void relaysBothWaysUntilCutThenDropsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        try (Socket before = connect(); BufferedReader in = reader(before); PrintWriter out = writer(before)) {
            out.println("hello");
            assertThat(in.readLine()).isEqualTo("echo hello");

            proxy.cut();
            assertThat(in.readLine()).as("the open connection is dropped").isNull();
        }
        try (Socket during = connect(); BufferedReader in = reader(during); PrintWriter out = writer(during)) {
            out.println("anyone there?");
            assertThat(in.readLine()).as("a new connection is closed at once").isNull();
        }

        proxy.restore();
        try (Socket after = connect(); BufferedReader in = reader(after); PrintWriter out = writer(after)) {
            out.println("back");
            assertThat(in.readLine()).isEqualTo("echo back");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static PrintWriter writer(Socket socket) throws IOException {
        return new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
    }
}
