package dev.memos4j.benchmarks.load;

import dev.memos4j.benchmarks.support.Args;
import dev.memos4j.benchmarks.support.ClosedLoop;
import dev.memos4j.benchmarks.support.Directories;
import dev.memos4j.benchmarks.support.EmbedderNames;
import dev.memos4j.benchmarks.support.Latencies;
import dev.memos4j.benchmarks.support.Machine;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.server.MemosServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code load}: the local server under concurrent writers and searchers, over loopback. {@code --writers}
 * closed-loop clients each send {@code add/message} with one short note (a new one every time), while
 * {@code --searchers} closed-loop clients search the same users, for {@code --seconds}. Without {@code
 * --url} it starts a {@code MemosServer} in front of a {@code LocalMemos} on a temporary data directory in
 * this process; with it, it loads that server. After the run every writer's user is listed: each
 * acknowledged add must be stored. The measured seconds follow a warm-up of {@code --warmup-seconds}
 * (default 60) on users of its own.
 *
 * <p>Targets on 2 cores, 32 writers and 8 searchers for 30 s: at least 60 adds/s, search p50 at most 50 ms
 * and p99 at most 300 ms, every acknowledged add stored. The last line is {@code load writers=N searchers=N
 * adds-per-s=N add-p50-ms=N add-p99-ms=N search-p50-ms=N search-p99-ms=N acknowledged=N stored=N}.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {}

    /**
     * Runs the command.
     *
     * @param arguments {@code [--writers N] [--searchers N] [--seconds N] [--warmup-seconds N] [--url URL]
     *     [--api-key KEY] [--embedder default|bge|minilm|none] [--data-dir DIR] [--quick]}
     * @return the exit code: 0, or 1 when an acknowledged add is missing
     * @throws Exception when the benchmark cannot run
     */
    public static int run(String[] arguments) throws Exception {
        Args args = Args.parse(
                arguments,
                Set.of("writers", "searchers", "seconds", "warmup-seconds", "url", "api-key", "embedder", "data-dir"),
                Set.of("quick"));
        boolean quick = args.flag("quick");
        int writers = args.positiveInt("writers", 32);
        int searchers = args.positiveInt("searchers", 8);
        Duration measure = Duration.ofSeconds(args.positiveInt("seconds", quick ? 3 : 30));
        // A minute by default: in the first one the JIT compiler took ~30% of the process's CPU (16 of 54 s
        // in a 5 s warm-up + 30 s run), which a long-running server no longer pays.
        Duration warmup = Duration.ofSeconds(args.positiveInt("warmup-seconds", quick ? 1 : 60));
        Embedder embedder = EmbedderNames.named(args.text("embedder").orElse("default"))
                .orElseThrow(() -> new IllegalArgumentException("--embedder takes default, bge, minilm or none"));
        Path parent = args.text("data-dir").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
        // Each run writes its own users, so a server that already holds data is measured just as well.
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.println(Machine.describe());
        if (args.text("url").isPresent()) {
            String url = args.text("url").get();
            System.out.printf(Locale.ROOT, "load: server at %s%n", url);
            try (MemosClient client = client(url, args.text("api-key").orElse("load-benchmark"))) {
                return measure(client, run, writers, searchers, warmup, measure);
            }
        }
        Path dir = Files.createTempDirectory(parent, "memos4j-load-");
        try (LocalMemos memos = LocalMemos.builder()
                        .dataDirectory(dir)
                        .embedder(embedder)
                        .build();
                MemosServer server = MemosServer.builder(memos).port(0).build().start();
                MemosClient client = client(server.baseUrl(), "load-benchmark")) {
            System.out.printf(
                    Locale.ROOT,
                    "load: in-process server %s, LocalMemos on %s, embedder %s%n",
                    server.baseUrl(),
                    dir,
                    embedder.name());
            return measure(client, run, writers, searchers, warmup, measure);
        } finally {
            Directories.deleteRecursively(dir);
        }
    }

    // No retries: a failed call is counted, not hidden; a generous timeout, since slow is what is measured.
    private static MemosClient client(String url, String apiKey) {
        return MemosClient.builder()
                .baseUrl(url)
                .apiKey(apiKey)
                .allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.none())
                .timeout(Duration.ofSeconds(120))
                .build();
    }

    private static int measure(
            MemosClient client, String run, int writers, int searchers, Duration warmup, Duration measure)
            throws Exception {
        System.out.printf(
                Locale.ROOT,
                "load: %d writers (add/message, one note each), %d searchers, %d s warm-up, %d s measured%n",
                writers,
                searchers,
                warmup.toSeconds(),
                measure.toSeconds());
        // The warm-up writes users of its own, which the count of stored adds leaves out.
        both(new Workload(client, run + "-warmup", writers), searchers, writers, warmup);
        Workload load = new Workload(client, run, writers);
        long cpuBefore = Machine.processCpuNanos();
        long jitBefore = Machine.jitMillis();
        Results results = both(load, searchers, writers, measure);
        long cpuNanos = Machine.processCpuNanos() - cpuBefore;
        long jitMillis = Machine.jitMillis() - jitBefore;
        long stored = 0;
        for (Map.Entry<String, Long> user : load.acknowledgedByUser().entrySet()) {
            long found = client.getMemory(GetMemoryRequest.builder()
                            .userId(user.getKey())
                            .size(1)
                            .build())
                    .get()
                    .total();
            // More may be stored than acknowledged (an add the client gave up on); fewer is data lost.
            stored += Math.min(found, user.getValue());
        }
        long acknowledged = load.acknowledged();
        double addsPerSecond = results.adds().perSecond();
        var adds = results.adds().latencies().summary();
        var searches = results.searches().latencies().summary();
        System.out.printf(
                Locale.ROOT, "%-7s %8s %9s %9s %9s %7s%n", "call", "calls", "per-s", "p50-ms", "p99-ms", "errors");
        print("add", results.adds(), adds);
        print("search", results.searches(), searches);
        System.out.printf(
                Locale.ROOT,
                "acknowledged adds %d, stored %d of them (%s); process CPU %.1f s over %.1f s; JIT compiler"
                        + " busy %.1f s (over its threads; the JIT is still warming up while this is high)%n",
                acknowledged,
                stored,
                stored == acknowledged ? "none lost" : (acknowledged - stored) + " LOST",
                cpuNanos / 1e9,
                results.adds().elapsedNanos() / 1e9,
                jitMillis / 1e3);
        System.out.printf(
                Locale.ROOT,
                "target: ingest >= 60 adds/s -> %s; search p50 <= 50 ms -> %s; search p99 <= 300 ms -> %s;"
                        + " every acknowledged add stored -> %s%n",
                addsPerSecond >= 60 ? "met" : "MISSED",
                searches.p50Millis() <= 50 ? "met" : "MISSED",
                searches.p99Millis() <= 300 ? "met" : "MISSED",
                stored == acknowledged ? "met" : "MISSED");
        System.out.printf(
                Locale.ROOT,
                "load writers=%d searchers=%d adds-per-s=%.1f add-p50-ms=%.1f add-p99-ms=%.1f search-p50-ms=%.1f"
                        + " search-p99-ms=%.1f acknowledged=%d stored=%d%n",
                writers,
                searchers,
                addsPerSecond,
                adds.p50Millis(),
                adds.p99Millis(),
                searches.p50Millis(),
                searches.p99Millis(),
                acknowledged,
                stored);
        return stored == acknowledged ? 0 : 1;
    }

    private record Results(ClosedLoop.Result adds, ClosedLoop.Result searches) {}

    // Writers and searchers run at the same time, each group closed loop.
    private static Results both(Workload load, int searchers, int writers, Duration duration)
            throws InterruptedException, ExecutionException {
        ExecutorService drivers = Executors.newFixedThreadPool(2);
        try {
            Future<ClosedLoop.Result> adds =
                    drivers.submit(() -> ClosedLoop.run(load::add, writers, duration, Long.MAX_VALUE));
            Future<ClosedLoop.Result> searches =
                    drivers.submit(() -> ClosedLoop.run(load::search, searchers, duration, Long.MAX_VALUE));
            return new Results(adds.get(), searches.get());
        } finally {
            drivers.shutdown();
        }
    }

    private static void print(String call, ClosedLoop.Result result, Latencies.Summary s) {
        System.out.printf(
                Locale.ROOT,
                "%-7s %8d %9.1f %9.1f %9.1f %7d%n",
                call,
                result.completed(),
                result.perSecond(),
                s.p50Millis(),
                s.p99Millis(),
                result.failed());
        if (result.firstFailure() != null) {
            System.out.println("  first failure: " + result.firstFailure());
        }
    }
}
