package dev.memos4j.benchmarks;

import dev.memos4j.benchmarks.client.ClientOverheadBenchmark;
import dev.memos4j.benchmarks.client.StubServer;
import dev.memos4j.benchmarks.coldstart.ColdStartBenchmark;
import dev.memos4j.benchmarks.duplicates.DuplicateThresholdBenchmark;
import dev.memos4j.benchmarks.facade.FacadeOverheadBenchmark;
import dev.memos4j.benchmarks.jmh.JmhCommand;
import dev.memos4j.benchmarks.load.LoadBenchmark;
import dev.memos4j.benchmarks.scale.ScaleBenchmark;
import dev.memos4j.benchmarks.support.Args;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code benchmarks.jar}: {@code java -jar benchmarks/target/benchmarks.jar COMMAND [ARGS]}.
 * Each command prints its figures; its last line is machine-readable. Commands: {@code client} (HTTP client
 * against raw {@code java.net.http}), {@code stub} (a canned MemOS server in a process of its own, for
 * {@code client --url}), {@code facade} ({@code MemoryAugmentedChat} overhead), {@code scale}
 * (local engine at 1k-100k memories), {@code load} (the local server under
 * concurrent writers and searchers), {@code coldstart} (the demo jar's start), {@code locomo} (retrieval
 * quality), {@code duplicates} (the ingest's near-duplicate threshold) and {@code jmh} (microbenchmarks). {@code docs/performance.md} has the figures.
 */
public final class Benchmarks {

    /** One benchmark command. */
    @FunctionalInterface
    interface Command {
        /** Runs with the arguments after the command name; returns the process exit code. */
        int run(String[] args) throws Exception;
    }

    private Benchmarks() {}

    private static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("client", ClientOverheadBenchmark::run);
        commands.put("stub", StubServer::run);
        commands.put("facade", FacadeOverheadBenchmark::run);
        commands.put("scale", ScaleBenchmark::run);
        commands.put("load", LoadBenchmark::run);
        commands.put("coldstart", ColdStartBenchmark::run);
        commands.put("jmh", JmhCommand::run);
        commands.put("locomo", LocomoBenchmark::run);
        commands.put("duplicates", DuplicateThresholdBenchmark::run);
        return commands;
    }

    /** Dispatches to a command. */
    public static void main(String[] args) throws Exception {
        System.exit(dispatch(args, System.err));
    }

    /**
     * Runs the command named by the first argument; a bad command line (or {@code --help}) prints a message
     * naming the options instead of a stack trace.
     */
    static int dispatch(String[] args, PrintStream err) throws Exception {
        Map<String, Command> commands = commands();
        if (args.length == 0 || !commands.containsKey(args[0])) {
            err.println("usage: java -jar benchmarks.jar COMMAND [ARGS] (COMMAND --help lists its options)");
            err.println("commands: " + String.join(", ", commands.keySet()));
            return 2;
        }
        try {
            return commands.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println("benchmarks " + args[0] + ": " + e.getMessage());
            return e instanceof Args.HelpRequested ? 0 : 2;
        }
    }
}
