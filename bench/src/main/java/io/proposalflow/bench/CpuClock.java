package io.proposalflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of the system's processes, from {@code /proc/<pid>/stat} (Linux): what
 * each JVM itself spent, which depends far less on what else the machine does than a rate does.
 * Read before and after the measured window; the difference divided by the proposals completed in
 * that window is the CPU one proposal costs.
 */
final class CpuClock {

    /** One process the benchmark watches. */
    record Watched(String name, long pid) {
    }

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private final List<Watched> processes;

    CpuClock(List<Watched> processes) {
        this.processes = List.copyOf(processes);
    }

    List<Watched> processes() {
        return processes;
    }

    /** CPU seconds so far per process name (a process that is gone or unreadable is left out). */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Watched p : processes) {
            Double s = cpuSeconds(p.pid());
            if (s != null) {
                seconds.put(p.name(), s);
            }
        }
        return seconds;
    }

    /**
     * CPU seconds so far of the JIT compiler threads ({@code C1 CompilerThread}, {@code C2 CompilerThread}),
     * summed over the processes: while they are busy the system is still warming up. A compiler thread that
     * ended takes its time with it, so this can fall between two readings.
     */
    double readCompilers() {
        double seconds = 0;
        for (Watched p : processes) {
            if (Phase.DRIVER.equals(p.name())) {
                continue;
            }
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(p.pid()), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                            seconds += parseStat(stat);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process is gone, or not Linux
            }
        }
        return seconds;
    }

    /** after - before, per process both readings know. */
    static Map<String, Double> spent(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new LinkedHashMap<>();
        before.forEach((name, s) -> {
            Double later = after.get(name);
            if (later != null) {
                spent.put(name, later - s);
            }
        });
        return spent;
    }

    /** utime + stime (fields 14 and 15 of /proc/<pid>/stat) in seconds, or null. */
    static Double cpuSeconds(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static double parseStat(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count from after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12]
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * The process listening on a TCP port on this machine (for --running, where the benchmark did
     * not start the processes): /proc/net/tcp(6) gives the socket's inode, /proc/<pid>/fd the owner.
     * Only processes of the same user can be seen; null if none is found.
     */
    static Long pidListeningOn(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is HEXIP:HEXPORT, st 0A is LISTEN, inode is field 10
                    if (f.length > 9 && f[1].contains(":") && "0A".equals(f[3])
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6), or not Linux
            }
        }
        if (inodes.isEmpty()) {
            return null;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    for (Path fd : fds.toList()) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return Long.parseLong(proc.getFileName().toString());
                            }
                        } catch (IOException | RuntimeException e) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // another user's process, or gone
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static double ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Double.parseDouble(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    static List<Watched> of(Map<String, Long> pids) {
        List<Watched> list = new ArrayList<>();
        pids.forEach((name, pid) -> {
            if (pid != null) {
                list.add(new Watched(name, pid));
            }
        });
        return list;
    }
}
