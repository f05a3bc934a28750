package io.proposalflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.proposalflow.launcher.ApiClient;
import io.proposalflow.launcher.ManagedProcess;

/** Startup time and memory of one service JVM, read from outside: /proc, its log and its metrics. */
record ServiceFigures(String service, Double startupToHealthySeconds, Double springStartedSeconds,
                      Double residentMemoryMb, Double heapUsedMb) {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    private static final Pattern HEAP = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)", Pattern.MULTILINE);

    static ServiceFigures of(String service, ManagedProcess process, Duration startupToHealthy, ApiClient api,
            Path out) {
        return new ServiceFigures(service,
                startupToHealthy == null ? null : startupToHealthy.toMillis() / 1000.0,
                process == null ? null : springStarted(process.logFile()),
                process == null ? null : residentMb(process.pid()),
                heapUsedMb(api, out.resolve("prometheus-" + service + ".txt")));
    }

    /** VmRSS of the process (Linux). */
    static Double residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return null;
    }

    private static Double springStarted(Path log) {
        try {
            Matcher m = STARTED.matcher(Files.readString(log));
            return m.find() ? Double.valueOf(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Heap in use, summed over the heap pools, from the Prometheus endpoint (the scrape is kept too). */
    private static Double heapUsedMb(ApiClient api, Path scrape) {
        try {
            ApiClient.Response response = api.send("GET", "/actuator/prometheus", null, Map.of("Accept", "text/plain"));
            if (response.status() != 200) {
                return null;
            }
            Files.writeString(scrape, response.text());
            Matcher m = HEAP.matcher(response.text());
            double bytes = 0;
            boolean found = false;
            while (m.find()) {
                bytes += Double.parseDouble(m.group(1));
                found = true;
            }
            return found ? bytes / (1024 * 1024) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
