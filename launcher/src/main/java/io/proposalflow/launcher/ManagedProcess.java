package io.proposalflow.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One JVM started by the launcher (the dev stack or a service). Its output goes to a log file;
 * the last lines are kept so a failed start can say why.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final int TAIL_LINES = 40;
    /** Present on Linux; a child in its own session does not get the terminal's Ctrl-C, see {@link #start}. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<Watch> watches = new ArrayList<>();
    private final CountDownLatch outputClosed = new CountDownLatch(1);

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command}. On Linux the child runs in its own session (setsid): Ctrl-C in the
     * terminal then reaches only the launcher, which stops the services before the infrastructure
     * they need, instead of every process stopping at once.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path logFile) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = builder.start();
            process.getOutputStream().close();
            ManagedProcess managed = new ManagedProcess(name, process, logFile);
            Thread pump = new Thread(managed::pumpOutput, name + "-output");
            pump.setDaemon(true);
            pump.start();
            return managed;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until a line of output matches, failing early if the process ends.
     *
     * @throws StartupException when the process ended or the time ran out first
     */
    public String awaitLine(Predicate<String> matches, Duration timeout) {
        Watch watch = new Watch(matches);
        synchronized (this) {
            for (String line : tail) {
                if (matches.test(line)) {
                    return line;
                }
            }
            watches.add(watch);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (watch.seen.await(200, TimeUnit.MILLISECONDS)) {
                    return watch.line;
                }
                if (!process.isAlive() && outputClosed.await(1, TimeUnit.SECONDS) && watch.seen.getCount() > 0) {
                    throw new StartupException(name + " ended with exit code " + process.exitValue()
                            + " before it was ready", this);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for " + name, this);
        } finally {
            synchronized (this) {
                watches.remove(watch);
            }
        }
        throw new StartupException(name + " was not ready within " + timeout.toSeconds() + " s", this);
    }

    /** The last lines of output, for error messages. */
    public synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Asks the process to stop (SIGTERM: the JVM runs its shutdown hooks), forcing it after the grace period. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        // through the handle: Process.destroy() also closes our end of the output, and the lines the
        // process writes while it shuts down would be lost
        process.toHandle().destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            outputClosed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Ends the process at once (SIGKILL, as {@code kill -9}): no shutdown hook runs, nothing is flushed or
     * handed back. The fault runs use it to crash a service in the middle of its work.
     */
    public void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            outputClosed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write(System.lineSeparator());
                log.flush();
                remember(line);
            }
        } catch (IOException e) {
            remember("[launcher] reading the output of " + name + " failed: " + e);
        } finally {
            outputClosed.countDown();
        }
    }

    private synchronized void remember(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        for (Watch watch : watches) {
            if (watch.seen.getCount() > 0 && watch.matches.test(line)) {
                watch.line = line;
                watch.seen.countDown();
            }
        }
    }

    private static final class Watch {
        final Predicate<String> matches;
        final CountDownLatch seen = new CountDownLatch(1);
        volatile String line;

        Watch(Predicate<String> matches) {
            this.matches = matches;
        }
    }

    /** A process did not become ready; the message and {@link #processTail()} say why. */
    public static final class StartupException extends RuntimeException {
        private final transient List<String> processTail;
        private final transient Path logFile;

        StartupException(String message, ManagedProcess process) {
            super(message);
            this.processTail = process.tail();
            this.logFile = process.logFile();
        }

        public List<String> processTail() {
            return processTail;
        }

        public Path logFile() {
            return logFile;
        }
    }
}
