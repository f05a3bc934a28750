package io.proposalflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prepares a service's Spring Boot jar for quick starts, the way Spring Boot's documentation describes
 * for class data sharing: the jar is extracted into plain jars (loading classes out of the nested jars
 * was about 40 % of a start here), and one training run that stops right after the application context
 * is refreshed writes a CDS archive of the classes a start loads, which later starts map instead of
 * loading and verifying them again (docs/performance.md: 6.4 s to healthy became 2.5 s for a service
 * started alone).
 *
 * <p>Both live beside the jar, in {@code target/fast-start/}, and are made again whenever the jar, the
 * java executable or the JVM options change, so the first start after a build takes one training run
 * (a few seconds) longer. If anything goes wrong on the way the service starts from its jar as before.
 * {@code PROPOSALFLOW_FAST_START=false} turns all of it off.
 */
final class FastStart {

    static final String SWITCH = "PROPOSALFLOW_FAST_START";
    private static final long TRAINING_TIMEOUT_SECONDS = 180;

    private FastStart() {
    }

    static boolean enabled(Map<String, String> environment) {
        return !"false".equalsIgnoreCase(environment.getOrDefault(SWITCH, "true"));
    }

    /**
     * What follows the JVM options on the command line that starts {@code bootJar}: the extracted jar
     * with its CDS archive, or plainly {@code -jar bootJar} when they could not be prepared.
     *
     * @param environment the service's environment, for the training run
     * @param log         where the output of extracting and training goes
     */
    static List<String> launchArguments(String java, List<String> jvmOptions, Path bootJar,
            Map<String, String> environment, Path log) {
        Path dir = bootJar.resolveSibling("fast-start");
        Path extracted = dir.resolve(bootJar.getFileName());
        Path archive = dir.resolve("app.jsa");
        Path stamp = dir.resolve("stamp");
        try {
            Files.createDirectories(log.getParent());
            // run.sh, the system test and the benchmark may start from the same checkout at once
            try (FileChannel lockFile = FileChannel.open(bootJar.resolveSibling("fast-start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                String expected = stampOf(java, jvmOptions, bootJar);
                if (!Files.isRegularFile(archive) || !Files.isRegularFile(stamp)
                        || !expected.equals(Files.readString(stamp))) {
                    FileTrees.delete(dir);
                    run(List.of(java, "-Djarmode=tools", "-jar", bootJar.toString(), "extract",
                            "--destination", dir.toString()), environment, log);
                    List<String> training = new ArrayList<>(List.of(java));
                    training.addAll(jvmOptions);
                    training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                            "-jar", extracted.toString()));
                    run(training, environment, log);
                    if (!Files.isRegularFile(archive) || !Files.isRegularFile(extracted)) {
                        throw new IOException("the training run wrote no archive, see " + log);
                    }
                    Files.writeString(stamp, expected);
                }
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("launcher: " + bootJar.getFileName() + " starts without its fast-start archive: "
                    + e.getMessage());
            return List.of("-jar", bootJar.toString());
        }
    }

    /** What the archive was made from; an archive made from anything else is not used. */
    private static String stampOf(String java, List<String> jvmOptions, Path bootJar) throws IOException {
        return String.join("\n", java, String.join(" ", jvmOptions), bootJar.toAbsolutePath().toString(),
                Long.toString(Files.size(bootJar)), Files.getLastModifiedTime(bootJar).toString());
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + command.get(command.size() - 1) + "' did not finish within "
                        + TRAINING_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + " from " + String.join(" ", command)
                    + ", see " + log);
        }
    }
}
