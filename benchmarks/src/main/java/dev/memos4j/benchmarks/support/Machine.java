package dev.memos4j.benchmarks.support;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Describes the machine a figure came from, printed at the top of every command's output. */
public final class Machine {

    private Machine() {}

    /**
     * One line: processors, maximum heap, JVM, OS.
     *
     * @return the description
     */
    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                        Locale.ROOT,
                        "machine: %d cpus, max heap %d MiB, %s %s (%s), %s %s %s",
                        runtime.availableProcessors(),
                        runtime.maxMemory() / (1024 * 1024),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("java.vm.vendor"),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        System.getProperty("os.arch"))
                + ", jvm args " + ManagementFactory.getRuntimeMXBean().getInputArguments()
                + ", load average " + loadAverage();
    }

    /**
     * CPU time used so far by this process, all threads together. On a shared machine it grows far less
     * with other processes' load than wall time does, so CPU per operation is the steadier figure.
     *
     * @return nanoseconds of CPU time
     */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Time this process's JIT compiler threads have spent compiling so far, or 0 where the JVM does not tell.
     * It is elapsed time, so on a busy machine it includes time the compiler waited for a core.
     *
     * @return milliseconds, summed over the compiler threads
     */
    public static long jitMillis() {
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime()
                : 0;
    }

    // Other processes on the machine move every figure; the load average says how busy it was.
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}
