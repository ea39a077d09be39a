package dev.memos4j.benchmarks.coldstart;

import dev.memos4j.benchmarks.support.Args;
import dev.memos4j.benchmarks.support.Latencies;
import dev.memos4j.benchmarks.support.Machine;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code coldstart}: launches the home-assistant demo jar as a new JVM in local mode (no keys in its
 * environment, {@code --local --no}, a fresh temporary data directory), and measures the time to its first
 * question prompt, then from typing a question to the answer being printed (the demo showing its prompt
 * again; the first answer includes loading the embedding model). Repeats and reports medians. The last line is {@code coldstart first-prompt-ms=N first-answer-ms=N}.
 */
public final class ColdStartBenchmark {

    /** The end of the demo's question prompt ("Please enter your question (or type 'exit' to quit): "). */
    static final String DEFAULT_PROMPT_MARKER = "(or type 'exit' to quit): ";

    static final String DEFAULT_QUERY = "What plans do I have for the weekend?";
    private static final long RUN_TIMEOUT_SECONDS = 180;

    private ColdStartBenchmark() {}

    /**
     * Runs the command.
     *
     * @param arguments {@code [--jar PATH] [--runs N] [--prompt-marker TEXT] [--query TEXT] [--java PATH]
     *     [--show-output] [--quick]}
     * @return the exit code
     * @throws Exception when the benchmark cannot run
     */
    public static int run(String[] arguments) throws Exception {
        Args args = Args.parse(
                arguments, Set.of("jar", "runs", "prompt-marker", "query", "java"), Set.of("show-output", "quick"));
        Path jar = Path.of(args.text("jar").orElse("examples/target/home-assistant.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar: no demo jar at " + jar.toAbsolutePath()
                    + "; build it with ./mvnw -B -q -DskipTests package -pl examples -am");
        }
        int runs = args.positiveInt("runs", args.flag("quick") ? 1 : 5);
        String marker = args.text("prompt-marker").orElse(DEFAULT_PROMPT_MARKER);
        String query = args.text("query").orElse(DEFAULT_QUERY);
        String java = args.text("java")
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

        System.out.println(Machine.describe());
        System.out.printf(
                Locale.ROOT,
                "coldstart: %s, %d run(s), prompt marker \"%s\", query \"%s\"%n",
                jar,
                runs,
                marker,
                query);
        Latencies prompt = new Latencies(runs);
        Latencies answer = new Latencies(runs);
        for (int run = 1; run <= runs; run++) {
            Timing timing = once(java, jar, marker, query, args.flag("show-output"));
            prompt.record(timing.firstPromptNanos());
            answer.record(timing.firstAnswerNanos());
            System.out.printf(
                    Locale.ROOT,
                    "run %d: first prompt %.0f ms, first answer %.0f ms%n",
                    run,
                    timing.firstPromptNanos() / 1e6,
                    timing.firstAnswerNanos() / 1e6);
        }
        Latencies.Summary p = prompt.summary();
        Latencies.Summary a = answer.summary();
        System.out.printf(
                Locale.ROOT,
                "median of %d: first prompt %.0f ms (min %.0f, max %.0f), first answer %.0f ms "
                        + "(min %.0f, max %.0f)%n",
                runs,
                p.p50Millis(),
                p.min() / 1e6,
                p.max() / 1e6,
                a.p50Millis(),
                a.min() / 1e6,
                a.max() / 1e6);
        System.out.printf(
                Locale.ROOT, "coldstart first-prompt-ms=%.0f first-answer-ms=%.0f%n", p.p50Millis(), a.p50Millis());
        return 0;
    }

    /** One launch: process start to first prompt, and question sent to the next prompt. */
    record Timing(long firstPromptNanos, long firstAnswerNanos) {}

    private static Timing once(String java, Path jar, String marker, String query, boolean showOutput)
            throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("memos4j-coldstart-");
        // --no skips the scripted dialogues, so the first prompt is the question prompt; --local forces the
        // embedded engine.
        List<String> command = new ArrayList<>(
                List.of(java, "-jar", jar.toString(), "--no", "--local", "--data-dir", dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // Local mode: no service keys reach the demo.
        env.keySet().removeIf(name -> name.startsWith("MEMOS_") || name.startsWith("OPENAI_"));
        long start = System.nanoTime();
        Process process = builder.start();
        BlockingQueue<Long> prompts = new LinkedBlockingQueue<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> watch(process, marker, prompts, output, showOutput), "coldstart-reader");
        reader.setDaemon(true);
        reader.start();
        try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            Long firstPrompt = prompts.poll(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (firstPrompt == null) {
                throw failure("no prompt \"" + marker + "\" within " + RUN_TIMEOUT_SECONDS + " s", output);
            }
            long asked = System.nanoTime();
            stdin.write(query + "\n");
            stdin.flush();
            Long nextPrompt = prompts.poll(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (nextPrompt == null) {
                throw failure("no answer (prompt shown again) within " + RUN_TIMEOUT_SECONDS + " s", output);
            }
            return new Timing(firstPrompt - start, nextPrompt - asked);
        } finally {
            // End of input ends the demo; a demo that ignores it is stopped.
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            deleteRecursively(dataDir);
        }
    }

    private static void watch(
            Process process, String marker, BlockingQueue<Long> prompts, StringBuilder output, boolean showOutput) {
        MarkerWatcher watcher = new MarkerWatcher(marker);
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int c;
            while ((c = in.read()) >= 0) {
                synchronized (output) {
                    output.append((char) c);
                }
                if (showOutput) {
                    System.out.print((char) c);
                }
                if (watcher.feed((char) c)) {
                    prompts.add(System.nanoTime());
                }
            }
        } catch (IOException e) {
            // The process ended; the waiting side times out or has what it needs.
        }
    }

    private static IllegalStateException failure(String problem, StringBuilder output) {
        String seen;
        synchronized (output) {
            seen = output.length() <= 2_000 ? output.toString() : "..." + output.substring(output.length() - 2_000);
        }
        return new IllegalStateException("the demo gave " + problem + "; its output was:\n" + seen);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
