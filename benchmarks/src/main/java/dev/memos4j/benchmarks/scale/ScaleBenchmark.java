package dev.memos4j.benchmarks.scale;

import dev.memos4j.benchmarks.support.Args;
import dev.memos4j.benchmarks.support.Directories;
import dev.memos4j.benchmarks.support.EmbedderNames;
import dev.memos4j.benchmarks.support.Latencies;
import dev.memos4j.benchmarks.support.Machine;
import dev.memos4j.benchmarks.support.Warmup;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.IngestMode;
import dev.memos4j.local.LocalMemos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code scale}: the local engine at growing sizes. For each mode ({@code bm25}: {@code Embedder.none()};
 * {@code hybrid}: the default embedder, or the one {@code --embedder} names) one engine on a temporary data
 * directory is filled with synthetic household notes through {@code add/message} in batches, and measured
 * each time it reaches a size of {@code --sizes}, once the segment merges the ingest started have finished
 * and the searches have run until the JIT compiler is done with them: ingest rate of the last stretch,
 * search latency (one thread, end to end through {@code searchMemory}, the query embedding included), the
 * process CPU time per search (every thread; less sensitive than wall time to other load on the machine),
 * the query embedding alone, the engine alone (hybrid: the same searches again with each question's vector
 * computed beforehand, so the model's time is left out), the engine's share of a search (search p50 minus
 * query embedding p50: what a search costs beyond its embedding), index size on disk and heap. All memories belong
 * to one user, the worst case: every search ranks the whole index. With {@code --compact}, each size is
 * measured again after {@link LocalMemos#compact()} (rows {@code hybrid+c}, {@code bm25+c}).
 *
 * <p>Target: hybrid search p50 at most 5 ms at 100k memories. The last line is
 * {@code scale size=N mode=M search-p50-ms=N search-p99-ms=N ingest-per-s=N engine-p50-ms=N} for the last
 * size and mode.
 */
public final class ScaleBenchmark {

    private static final String USER = "household-1";
    private static final long SEED = 20_261_125L;

    private ScaleBenchmark() {}

    /**
     * Runs the command.
     *
     * @param arguments {@code [--sizes 1000,10000,100000] [--modes bm25,hybrid] [--embedder default|bge|minilm]
     *     [--queries N] [--batch N] [--data-dir DIR] [--compact] [--quick]}
     * @return the exit code
     * @throws Exception when the benchmark cannot run
     */
    public static int run(String[] arguments) throws Exception {
        Args args = Args.parse(
                arguments,
                Set.of("sizes", "modes", "embedder", "queries", "batch", "data-dir"),
                Set.of("quick", "compact"));
        boolean compact = args.flag("compact");
        boolean quick = args.flag("quick");
        List<Integer> sizes =
                args.positiveInts("sizes", quick ? List.of(1_000) : List.of(1_000, 10_000, 100_000)).stream()
                        .sorted()
                        .toList();
        List<String> modes = List.of(args.text("modes").orElse("bm25,hybrid").split(","));
        for (String mode : modes) {
            if (!mode.equals("bm25") && !mode.equals("hybrid")) {
                throw new IllegalArgumentException("--modes takes bm25 and/or hybrid, got '" + mode + "'");
            }
        }
        Embedder model = EmbedderNames.named(args.text("embedder").orElse("default"))
                .filter(Embedder::enabled) // "none" would make hybrid the same as bm25
                .orElseThrow(() -> new IllegalArgumentException("--embedder takes default, bge or minilm"));
        int queries = args.positiveInt("queries", quick ? 50 : 300);
        int batch = args.positiveInt("batch", 100);
        Path parent = args.text("data-dir").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));

        System.out.println(Machine.describe());
        System.out.printf(
                Locale.ROOT,
                "scale: sizes %s, modes %s (hybrid with %s), %d searches per point (one thread), add/message "
                        + "batches of %d notes, one user%n",
                sizes,
                modes,
                model.name(),
                queries,
                batch);
        System.out.printf(
                Locale.ROOT,
                "%-8s %8s %10s %9s %10s %10s %10s %10s %10s %10s %10s %9s %9s%n",
                "mode",
                "size",
                "ingest/s",
                "ingest-s",
                "search-p50",
                "search-p99",
                "search-cpu",
                "embed-p50",
                "engine-p50",
                "share-p50",
                "index-MiB",
                "peak-MiB",
                "live-MiB");
        Point last = null;
        for (String mode : modes) {
            Path dir = Files.createTempDirectory(parent, "memos4j-scale-" + mode + "-");
            try {
                for (Point point : measure(
                        mode, mode.equals("hybrid") ? model : Embedder.none(), dir, sizes, queries, batch, compact)) {
                    last = point;
                }
            } finally {
                Directories.deleteRecursively(dir);
            }
        }
        if (last == null) {
            throw new IllegalStateException("nothing was measured");
        }
        System.out.printf(
                Locale.ROOT,
                "scale size=%d mode=%s search-p50-ms=%.2f search-p99-ms=%.2f ingest-per-s=%.0f engine-p50-ms=%.2f%n",
                last.size(),
                last.mode(),
                last.search().p50Millis(),
                last.search().p99Millis(),
                last.ingestPerSecond(),
                last.engine().p50Millis());
        return 0;
    }

    /** What was measured at one size. */
    record Point(
            String mode,
            int size,
            double ingestPerSecond,
            double ingestSeconds,
            Latencies.Summary search,
            double searchCpuMillis,
            Latencies.Summary embed,
            Latencies.Summary engine,
            long indexBytes,
            long peakHeapBytes,
            long liveHeapBytes) {}

    private static List<Point> measure(
            String mode, Embedder model, Path dir, List<Integer> sizes, int queries, int batch, boolean compact)
            throws InterruptedException {
        boolean hybrid = mode.equals("hybrid");
        PrecomputedQueries embedder = new PrecomputedQueries(model);
        List<Point> points = new ArrayList<>();
        HouseholdNotes notes = new HouseholdNotes(SEED);
        try (LocalMemos memos = LocalMemos.builder()
                .dataDirectory(dir)
                .embedder(embedder)
                // One memory per note: the templated notes repeat, and the figures are per stored memory.
                .ingestMode(IngestMode.EVERY_TURN)
                .build()) {
            if (hybrid) {
                embedder.embedQuery("load the model before the clock starts");
            }
            int stored = 0;
            long totalIngestNanos = 0;
            int conversation = 0;
            for (int size : sizes) {
                resetPeakHeap();
                long start = System.nanoTime();
                int before = stored;
                while (stored < size) {
                    int n = Math.min(batch, size - stored);
                    AddMessageRequest.Builder request =
                            AddMessageRequest.builder().userId(USER).conversationId("conversation-" + (++conversation));
                    for (int i = 0; i < n; i++) {
                        request.addMessage(Message.user(notes.next()));
                    }
                    memos.addMessage(request.build()).join();
                    stored += n;
                    if (stored % 10_000 == 0) {
                        System.err.printf(
                                Locale.ROOT,
                                "  %s: %d memories stored, %.0f s%n",
                                mode,
                                stored,
                                (totalIngestNanos + System.nanoTime() - start) / 1e9);
                    }
                }
                long ingestNanos = System.nanoTime() - start;
                totalIngestNanos += ingestNanos;
                double ingestPerSecond = (stored - before) * 1e9 / ingestNanos;

                Point point = measurePoint(
                        mode, stored, memos, embedder, model, dir, queries, ingestPerSecond, totalIngestNanos, "");
                print(point);
                points.add(point);
                if (compact) {
                    long c0 = System.nanoTime();
                    memos.compact().join();
                    System.err.printf(
                            Locale.ROOT,
                            "  %s: compacted %d memories into one segment in %.1f s%n",
                            mode,
                            stored,
                            (System.nanoTime() - c0) / 1e9);
                    point = measurePoint(
                            mode,
                            stored,
                            memos,
                            embedder,
                            model,
                            dir,
                            queries,
                            ingestPerSecond,
                            totalIngestNanos,
                            "+c");
                    print(point);
                    points.add(point);
                }
            }
        }
        return points;
    }

    // Searches (end to end, then the engine alone) once merges have settled and the JIT is done.
    private static Point measurePoint(
            String mode,
            int stored,
            LocalMemos memos,
            PrecomputedQueries embedder,
            Embedder model,
            Path dir,
            int queries,
            double ingestPerSecond,
            long totalIngestNanos,
            String suffix)
            throws InterruptedException {
        boolean hybrid = mode.equals("hybrid");
        double settleSeconds = awaitIdle();
        if (settleSeconds > 0.5) {
            System.err.printf(
                    Locale.ROOT, "  %s: background merges settled %.1f s after ingest%n", mode, settleSeconds);
        }
        Latencies search = new Latencies(queries);
        Latencies embed = new Latencies(queries);
        List<String> questions = HouseholdNotes.queries();
        warmUp(memos, questions, mode + " search");
        long cpuNanos = 0;
        for (int i = 0; i < queries; i++) {
            String question = questions.get(i % questions.size());
            long cpu0 = Machine.processCpuNanos();
            long t0 = System.nanoTime();
            SearchMemoryResponse found = search(memos, question);
            search.record(System.nanoTime() - t0);
            cpuNanos += Machine.processCpuNanos() - cpu0;
            if (found.memories().isEmpty()) {
                throw new IllegalStateException("search found nothing for '" + question + "' at " + stored);
            }
            if (hybrid) {
                long t1 = System.nanoTime();
                model.embedQuery(question);
                embed.record(System.nanoTime() - t1);
            }
        }
        // The engine alone: the same searches with every question's vector ready beforehand.
        Latencies engine = new Latencies(queries);
        embedder.precompute(questions);
        warmUp(memos, questions, mode + " engine alone");
        for (int i = 0; i < queries; i++) {
            long t0 = System.nanoTime();
            search(memos, questions.get(i % questions.size()));
            engine.record(System.nanoTime() - t0);
        }
        embedder.forget();
        long peak = peakHeap();
        long live = liveHeap();
        return new Point(
                mode + suffix,
                stored,
                ingestPerSecond,
                totalIngestNanos / 1e9,
                search.summary(),
                cpuNanos / 1e6 / queries,
                hybrid ? embed.summary() : null,
                engine.summary(),
                directorySize(dir),
                peak,
                live);
    }

    // Until the JIT is done with the search path (or a minute): timings must not include compilation.
    private static void warmUp(LocalMemos memos, List<String> questions, String label) {
        AtomicInteger next = new AtomicInteger();
        Warmup.Result warm = Warmup.untilCompiled(
                () -> search(memos, questions.get(next.getAndIncrement() % questions.size())), 200, 20_000, 60);
        System.err.printf(
                Locale.ROOT,
                "  %s: warmed up with %d searches in %.1f s%s%n",
                label,
                warm.runs(),
                warm.seconds(),
                warm.settled() ? "" : " (the JIT compiler was still busy)");
    }

    private static SearchMemoryResponse search(LocalMemos memos, String question) {
        return memos.searchMemory(SearchMemoryRequest.builder()
                        .userId(USER)
                        .query(question)
                        .build())
                .join();
    }

    private static void print(Point p) {
        System.out.printf(
                Locale.ROOT,
                "%-8s %8d %10.0f %9.1f %10.2f %10.2f %10.2f %10s %10.2f %10s %10.1f %9.0f %9.0f%n",
                p.mode(),
                p.size(),
                p.ingestPerSecond(),
                p.ingestSeconds(),
                p.search().p50Millis(),
                p.search().p99Millis(),
                p.searchCpuMillis(),
                p.embed() == null
                        ? "-"
                        : String.format(Locale.ROOT, "%.2f", p.embed().p50Millis()),
                p.engine().p50Millis(),
                p.embed() == null
                        ? "-"
                        : String.format(
                                Locale.ROOT,
                                "%.2f",
                                p.search().p50Millis() - p.embed().p50Millis()),
                p.indexBytes() / 1048576.0,
                p.peakHeapBytes() / 1048576.0,
                p.liveHeapBytes() / 1048576.0);
    }

    /**
     * Waits until no segment merge runs and the process is idle (under 5% of a core over half a second), at
     * most ten minutes: the last commits of the ingest start merges in the background, and searches measured
     * beside them would time the merges. CPU alone is not enough: at 100k memories a merge spent seconds
     * writing at a tenth of a core, then rebuilt vector graphs on a full core for most of a minute.
     *
     * @return the seconds waited
     */
    private static double awaitIdle() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            long cpu0 = Machine.processCpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(500);
            boolean idle = Machine.processCpuNanos() - cpu0 < 0.05 * (System.nanoTime() - t0);
            if (idle && !merging()) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // Lucene's ConcurrentMergeScheduler runs each merge on a thread of this name, ended when it is done.
    private static boolean merging() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("Lucene Merge Thread"));
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    // The sum of each heap pool's peak: an upper bound, as the pools need not peak at the same moment.
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    // What stays reachable: heap used right after a full collection.
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long directorySize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0; // a file Lucene deleted meanwhile
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
