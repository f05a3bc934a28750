package io.proposalflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long the load runs before the measured window starts: a fixed time, or until the system is
 * steady. The services run with the C1 compiler only and the dev stack with C2 (launcher), and on two
 * cores the JVMs keep compiling for minutes under load (the benchmark's services with C2 for five or
 * six); a window that starts earlier measures a system that is still getting faster
 * (docs/performance.md, "A warm system, measured as deployed"; ADR 22).
 *
 * <p>Steady means, looking back over 10-second steps of load: at least {@link #MIN_STEADY} of load;
 * in the last 30 s the JIT compiler threads of the system's processes used at most
 * {@value #COMPILER_SHARE_LIMIT} of their CPU; and the CPU per completed proposal of the last 30 s is
 * within {@value #CPU_AGREEMENT} of the 30 s before. At most {@code limit}: then the window starts
 * anyway, and the result says that the system was not steady.
 *
 * @param fixed  the fixed warm-up, or null for "until steady"
 * @param limit  the longest warm-up "until steady" waits
 */
record WarmUp(Duration fixed, Duration limit) {

    static final Duration STEP = Duration.ofSeconds(10);
    static final Duration MIN_STEADY = Duration.ofSeconds(60);
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(600);
    static final double COMPILER_SHARE_LIMIT = 0.05;
    static final double CPU_AGREEMENT = 0.05;
    /** Steps compared: the last three (30 s) against the three before. */
    private static final int SPAN = 3;

    static WarmUp fixed(Duration seconds) {
        return new WarmUp(seconds, seconds);
    }

    static WarmUp untilSteady() {
        return new WarmUp(null, DEFAULT_LIMIT);
    }

    boolean untilSteadyMode() {
        return fixed == null;
    }

    String describe() {
        return untilSteadyMode() ? "warm-up until steady (at most " + limit.toSeconds() + " s)"
                : fixed.toSeconds() + " s warm-up";
    }

    /**
     * One 10-second step of load, cumulative since the load started.
     *
     * @param atSeconds  seconds since the load started
     * @param completed  proposals completed so far
     * @param cpu        CPU seconds so far of the system's processes (the load driver not included)
     * @param compilers  of it, in the JIT compiler threads
     */
    record Step(double atSeconds, long completed, double cpu, double compilers) {
    }

    /** The load's course in 10-second steps, and whether (and when) it became steady. */
    static final class Course {

        private final List<Step> steps = new ArrayList<>();

        synchronized void add(Step step) {
            steps.add(step);
        }

        synchronized List<Step> steps() {
            return List.copyOf(steps);
        }

        /** Whether the steps so far satisfy "steady" (see {@link WarmUp}). */
        synchronized boolean steady() {
            int n = steps.size();
            if (n < 2 * SPAN + 1 || steps.get(n - 1).atSeconds() < MIN_STEADY.toSeconds()) {
                return false;
            }
            Step now = steps.get(n - 1);
            Step mid = steps.get(n - 1 - SPAN);
            Step before = steps.get(n - 1 - 2 * SPAN);
            double recentCpu = now.cpu() - mid.cpu();
            if (recentCpu <= 0 || (now.compilers() - mid.compilers()) / recentCpu > COMPILER_SHARE_LIMIT) {
                return false;
            }
            double recent = perProposal(mid, now);
            double earlier = perProposal(before, mid);
            return !Double.isNaN(recent) && !Double.isNaN(earlier)
                    && Math.abs(recent - earlier) / earlier <= CPU_AGREEMENT;
        }

        /** A line per step for the console: throughput, CPU per proposal, compilers' share. */
        synchronized String describe() {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < steps.size(); i++) {
                Step a = steps.get(i - 1);
                Step b = steps.get(i);
                double seconds = b.atSeconds() - a.atSeconds();
                long done = b.completed() - a.completed();
                double cpu = b.cpu() - a.cpu();
                text.append(String.format(Locale.ROOT, "    %4.0f-%4.0f s   %6.2f proposals/s   CPU %s s per proposal"
                                + "   JIT compilers %4.1f %% of the CPU%n", a.atSeconds(), b.atSeconds(),
                        done / seconds, done == 0 ? "  -  " : String.format(Locale.ROOT, "%.3f", cpu / done),
                        cpu <= 0 ? 0 : 100 * (b.compilers() - a.compilers()) / cpu));
            }
            return text.toString();
        }

        synchronized List<Map<String, Object>> toJson() {
            List<Map<String, Object>> json = new ArrayList<>();
            for (int i = 1; i < steps.size(); i++) {
                Step a = steps.get(i - 1);
                Step b = steps.get(i);
                long done = b.completed() - a.completed();
                double cpu = b.cpu() - a.cpu();
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("from_s", Report.round1(a.atSeconds()));
                step.put("to_s", Report.round1(b.atSeconds()));
                step.put("proposals_completed", done);
                step.put("cpu_s_system", Report.round2(cpu));
                step.put("cpu_s_per_proposal", done == 0 ? null : Report.round3(cpu / done));
                step.put("jit_compiler_share", cpu <= 0 ? null : Report.round3((b.compilers() - a.compilers()) / cpu));
                json.add(step);
            }
            return json;
        }

        private static double perProposal(Step from, Step to) {
            long done = to.completed() - from.completed();
            return done == 0 ? Double.NaN : (to.cpu() - from.cpu()) / done;
        }
    }
}
