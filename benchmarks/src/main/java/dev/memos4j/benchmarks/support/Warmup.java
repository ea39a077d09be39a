package dev.memos4j.benchmarks.support;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Runs an operation until the JIT compiler has finished with it, so that the timings that follow measure
 * compiled code. A fixed count is not enough: 30 searches left the C2 compiler busy for the next hundreds,
 * using more CPU than the searches themselves.
 */
public final class Warmup {

    /** Runs per round; the compiler's share is judged per round. */
    static final int ROUND = 50;

    // Compilation time under 1% of a round's wall time, twice in a row, counts as settled.
    private static final double QUIET_SHARE = 0.01;
    private static final int QUIET_ROUNDS = 2;

    /**
     * How a warm-up ended.
     *
     * @param runs how many times the operation ran
     * @param settled whether the compiler went quiet (false: stopped at a limit)
     * @param seconds how long it took
     */
    public record Result(int runs, boolean settled, double seconds) {}

    private Warmup() {}

    /**
     * Runs {@code operation} in rounds until compilation takes under 1% of two rounds in a row, at least
     * {@code minRuns} times and at most {@code maxRuns} times or {@code maxSeconds}.
     *
     * @param operation the operation about to be measured
     * @param minRuns the fewest runs
     * @param maxRuns the most runs
     * @param maxSeconds the longest warm-up
     * @return how it ended
     * @throws IllegalStateException when the JVM does not report compilation time
     */
    public static Result untilCompiled(Runnable operation, int minRuns, int maxRuns, double maxSeconds) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("this JVM does not report JIT compilation time");
        }
        return untilCompiled(
                operation, minRuns, maxRuns, maxSeconds, compiler::getTotalCompilationTime, System::nanoTime);
    }

    static Result untilCompiled(
            Runnable operation,
            int minRuns,
            int maxRuns,
            double maxSeconds,
            LongSupplier compilationMillis,
            LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        long deadline = start + (long) (maxSeconds * 1e9);
        int runs = 0;
        int quietRounds = 0;
        while (runs < maxRuns && nanoTime.getAsLong() < deadline) {
            long compiled0 = compilationMillis.getAsLong();
            long t0 = nanoTime.getAsLong();
            for (int i = 0; i < ROUND && runs < maxRuns; i++, runs++) {
                operation.run();
            }
            double roundMillis = (nanoTime.getAsLong() - t0) / 1e6;
            boolean quiet = compilationMillis.getAsLong() - compiled0 < QUIET_SHARE * roundMillis;
            quietRounds = quiet ? quietRounds + 1 : 0;
            if (quietRounds >= QUIET_ROUNDS && runs >= minRuns) {
                return new Result(runs, true, (nanoTime.getAsLong() - start) / 1e9);
            }
        }
        return new Result(runs, false, (nanoTime.getAsLong() - start) / 1e9);
    }
}
