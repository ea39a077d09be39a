package dev.memos4j.benchmarks.jmh;

import java.util.List;

/**
 * {@code jmh}: runs the JMH benchmarks of this jar. Arguments go to JMH unchanged ({@code -h} lists them);
 * without arguments, short settings that suit a small shared machine: one fork, 3 warm-up and 5 measured
 * iterations of 1 s, one thread.
 */
public final class JmhCommand {

    static final List<String> DEFAULTS =
            List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s", "-t", "1", "dev.memos4j.benchmarks.jmh");

    private JmhCommand() {}

    /**
     * Runs JMH.
     *
     * @param args JMH's own arguments; none for the defaults
     * @return the exit code
     * @throws Exception when JMH fails
     */
    public static int run(String[] args) throws Exception {
        String[] jmhArgs = args.length == 0 ? DEFAULTS.toArray(String[]::new) : args;
        org.openjdk.jmh.Main.main(jmhArgs);
        return 0;
    }
}
