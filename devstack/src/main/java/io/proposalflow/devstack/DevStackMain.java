package io.proposalflow.devstack;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh infra}: starts the dev stack in the foreground and stops it cleanly on Ctrl-C or
 * SIGTERM.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger exists. The file is not called logback.xml because this jar also
        // sits on the test classpath of the services, where it would replace their logging setup.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "devstack-logback.xml");
        }
        // GreenMail parses every mail with Jakarta Mail, which otherwise scans the class path for its
        // StreamProvider at each message and header (jakartaee/mail-api#861; docs/performance.md)
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        PrintStream out = System.out;
        DevStackConfig config;
        try {
            DevStackOptions.Parsed parsed = DevStackOptions.parse(args, System.getenv());
            if (parsed.help()) {
                out.print(DevStackOptions.usage());
                return;
            }
            config = parsed.config();
        } catch (IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(2);
            return;
        }

        DevStack stack;
        try {
            stack = DevStack.start(config);
        } catch (PortInUseException e) {
            System.err.println("devstack: " + e.getMessage() + ". Stop whatever holds it or pick another port.");
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("devstack: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Duration startup = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("devstack: stopping ...");
            try {
                stack.close();
                out.println("devstack: stopped");
            } finally {
                stopped.countDown();
            }
        }, "devstack-shutdown"));

        out.print(banner(config, stack, startup));
        out.flush();
        // The shutdown hook does the work; this thread only keeps the JVM in the foreground.
        stopped.await();
    }

    static String banner(DevStackConfig config, DevStack stack, Duration startup) {
        String data = config.persistent() ? config.dataDir().toAbsolutePath().normalize().toString()
                : "none (in memory)";
        return String.format(Locale.ROOT, """
                devstack ready in %.1f s (since JVM start)
                  Kafka     %s   (bootstrap servers, KRaft, auto-creates topics)
                  MongoDB   %s
                  SMTP      %s:%d   (no authentication)
                  IMAP      %s:%d   (log in as the recipient address, any password)
                  data dir  %s
                Press Ctrl-C to stop.
                """,
                startup.toMillis() / 1000.0,
                stack.kafka().bootstrapServers(),
                stack.mongo().connectionString(),
                stack.mail().host(), stack.mail().smtpPort(),
                stack.mail().host(), stack.mail().imapPort(),
                data);
    }
}
