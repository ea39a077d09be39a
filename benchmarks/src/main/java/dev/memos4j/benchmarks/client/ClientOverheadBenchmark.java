package dev.memos4j.benchmarks.client;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.benchmarks.support.Args;
import dev.memos4j.benchmarks.support.Canned;
import dev.memos4j.benchmarks.support.ClosedLoop;
import dev.memos4j.benchmarks.support.Latencies;
import dev.memos4j.benchmarks.support.Machine;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.MemosClientBuilder;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code client}: how close {@code MemosClient.searchMemory}, fully decoded, comes to the physical limit of
 * {@code java.net.http} on loopback (a prebuilt request, the body read as a string, no JSON parsing), at
 * concurrency 1 and 64, closed loop. Both run in the same process against the same server and alternate in
 * rounds, so that a noisy neighbour hits both alike. The server is a canned one in this JVM, or with
 * {@code --url} any server outside it (the {@code stub} command, nginx serving a canned file). With
 * {@code --executor direct} both paths handle responses on the JDK client's I/O thread (raw:
 * {@code executor(Runnable::run)}; client: {@code handleResponsesOnIoThread(true)}). Process CPU time per
 * request (client and load generator, plus the server when it is in this JVM) is printed too: on a shared
 * machine it is steadier than throughput.
 *
 * <p>Targets: at the highest concurrency the client reaches at least 0.95 of raw throughput; at concurrency
 * 1 it adds at most 50 µs at the median. The last line is {@code client-vs-raw ratio=R c1-overhead-us=N}.
 */
public final class ClientOverheadBenchmark {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    private static final String API_KEY = "bench-key-not-a-secret";

    private ClientOverheadBenchmark() {}

    /**
     * Runs the command.
     *
     * @param arguments {@code [--seconds N] [--warmup-seconds N] [--rounds N] [--concurrency 1,64]
     *     [--server-threads N] [--url BASE_URL] [--executor default|direct] [--raw-completion future|body]
     *     [--quick]}
     * @return the exit code
     * @throws Exception when the benchmark cannot run
     */
    public static int run(String[] arguments) throws Exception {
        Args args = Args.parse(
                arguments,
                Set.of(
                        "seconds",
                        "warmup-seconds",
                        "rounds",
                        "concurrency",
                        "server-threads",
                        "url",
                        "executor",
                        "raw-completion"),
                Set.of("quick"));
        boolean quick = args.flag("quick");
        Duration measure = Duration.ofSeconds(args.positiveInt("seconds", quick ? 1 : 4));
        Duration warmup = Duration.ofSeconds(args.positiveInt("warmup-seconds", quick ? 1 : 5));
        int rounds = args.positiveInt("rounds", quick ? 1 : 3);
        List<Integer> levels = args.positiveInts("concurrency", List.of(1, 64));
        int serverThreads = args.positiveInt("server-threads", 4);

        Optional<String> url = args.text("url");
        boolean direct = twoWay(args, "executor", "default", "direct");
        boolean rawFromBody = twoWay(args, "raw-completion", "future", "body");

        byte[] body = Canned.searchResponseBytes();
        System.out.println(Machine.describe());
        System.out.printf(
                Locale.ROOT,
                "client: search/memory envelope %s; %s executor on both paths; %d s warm-up, %d round(s) of %d s "
                        + "per variant%n",
                url.map(u -> "from " + u + " (outside this process)")
                        .orElse("of " + body.length + " bytes from com.sun.net.httpserver on loopback in this process"
                                + " (own pool of " + serverThreads + " threads)"),
                direct ? "a direct (Runnable::run)" : "the default",
                warmup.toSeconds(),
                rounds,
                measure.toSeconds());

        try (CannedServer server = url.isPresent() ? null : new CannedServer(body, serverThreads)) {
            String baseUrl = url.isPresent() ? url.get() : server.baseUrl();
            return measure(baseUrl, direct, rawFromBody, levels, warmup, measure, rounds);
        }
    }

    /** A two-valued option: false for {@code no}, true for {@code yes}, a clear error for anything else. */
    private static boolean twoWay(Args args, String option, String no, String yes) {
        String value = args.text(option).orElse(no);
        if (!value.equals(no) && !value.equals(yes)) {
            throw new IllegalArgumentException(
                    "--" + option + " must be " + no + " or " + yes + ", got '" + value + "'");
        }
        return value.equals(yes);
    }

    private static int measure(
            String baseUrl,
            boolean direct,
            boolean rawFromBody,
            List<Integer> levels,
            Duration warmup,
            Duration measure,
            int rounds)
            throws Exception {
        MemosClientBuilder builder =
                MemosClient.builder().apiKey(API_KEY).baseUrl(baseUrl).allowInsecureHttp(true);
        HttpClient.Builder rawBuilder = HttpClient.newBuilder();
        if (direct) {
            builder.handleResponsesOnIoThread(true); // the client's name for executor(Runnable::run)
            rawBuilder.executor(Runnable::run);
        }
        try (MemosClient client = builder.build()) {
            HttpClient http = rawBuilder.build();
            SearchMemoryRequest search = Canned.searchRequest();
            HttpRequest prebuilt = HttpRequest.newBuilder(URI.create(baseUrl + "/search/memory"))
                    .timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "memos4j-java")
                    .header("Authorization", "Token " + API_KEY)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(search)))
                    .build();
            Supplier<CompletableFuture<?>> raw = rawFromBody
                    ? () -> completedFromBody(http, prebuilt)
                    : () -> http.sendAsync(prebuilt, HttpResponse.BodyHandlers.ofString());
            System.out.println(
                    rawFromBody
                            ? "raw: completes when the body subscriber has read the body, as the client does"
                            : "raw: completes with the future sendAsync returns");
            Supplier<CompletableFuture<?>> decoded = () -> client.searchMemory(search);

            checkBothAnswer(http, prebuilt, client, search);

            System.out.printf(
                    Locale.ROOT,
                    "%-11s %-6s %9s %10s %9s %9s %7s%n",
                    "concurrency",
                    "path",
                    "requests",
                    "req/s",
                    "p50-us",
                    "p99-us",
                    "errors");
            double ratio = Double.NaN;
            double c1Overhead = Double.NaN;
            for (int concurrency : levels) {
                ClosedLoop.run(raw, concurrency, warmup, Long.MAX_VALUE);
                ClosedLoop.run(decoded, concurrency, warmup, Long.MAX_VALUE);
                Totals rawTotals = new Totals();
                Totals clientTotals = new Totals();
                for (int r = 0; r < rounds; r++) {
                    rawTotals.measure(raw, concurrency, measure);
                    clientTotals.measure(decoded, concurrency, measure);
                }
                Latencies.Summary rawSummary = rawTotals.print(concurrency, "raw");
                Latencies.Summary clientSummary = clientTotals.print(concurrency, "client");
                ratio = clientTotals.perSecond() / rawTotals.perSecond();
                System.out.printf(
                        Locale.ROOT,
                        "  c%d: client/raw throughput %.3f, p50 overhead %.1f us, process CPU per "
                                + "request %.1f us raw vs %.1f us client (raw/client %.3f)%n",
                        concurrency,
                        ratio,
                        clientSummary.p50Micros() - rawSummary.p50Micros(),
                        rawTotals.cpuMicrosPerRequest(),
                        clientTotals.cpuMicrosPerRequest(),
                        rawTotals.cpuMicrosPerRequest() / clientTotals.cpuMicrosPerRequest());
                if (concurrency == 1) {
                    c1Overhead = clientSummary.p50Micros() - rawSummary.p50Micros();
                }
            }
            int highest = levels.stream().mapToInt(Integer::intValue).max().orElseThrow();
            System.out.printf(
                    Locale.ROOT,
                    "target: c%d ratio >= 0.95 -> %s; c1 p50 overhead <= 50 us -> %s%n",
                    highest,
                    ratio >= 0.95 ? "met" : "MISSED",
                    Double.isNaN(c1Overhead) ? "not measured" : c1Overhead <= 50 ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "client-vs-raw ratio=%.2f c1-overhead-us=%.0f%n", ratio, c1Overhead);
            return 0;
        }
    }

    /**
     * The raw exchange completed the way the client completes its own: from the body subscriber, on the
     * thread that read the body, instead of through the future {@code sendAsync} returns (which the JDK
     * completes on {@code CompletableFuture}'s default async executor).
     */
    private static CompletableFuture<String> completedFromBody(HttpClient http, HttpRequest request) {
        CompletableFuture<String> body = new CompletableFuture<>();
        http.sendAsync(
                        request,
                        info -> HttpResponse.BodySubscribers.mapping(
                                HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), text -> {
                                    body.complete(text);
                                    return text;
                                }))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        body.completeExceptionally(error);
                    }
                });
        return body;
    }

    // Fails fast when either path does not get a search/memory answer: a benchmark of errors measures nothing.
    private static void checkBothAnswer(
            HttpClient http, HttpRequest prebuilt, MemosClient client, SearchMemoryRequest search) throws Exception {
        HttpResponse<String> response = http.send(prebuilt, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "the raw request to " + prebuilt.uri() + " got HTTP " + response.statusCode() + " instead of 200");
        }
        SearchMemoryResponse decoded = client.searchMemory(search).get();
        if (decoded.memories().isEmpty()) {
            throw new IllegalStateException("the client decoded no memories from " + prebuilt.uri());
        }
        System.out.printf(
                Locale.ROOT,
                "answer: %d bytes, %d memories and %d preferences decoded%n",
                response.body().getBytes(StandardCharsets.UTF_8).length,
                decoded.memories().size(),
                decoded.preferences().size());
    }

    /** Sums the rounds of one variant at one concurrency. */
    private static final class Totals {
        private long completed;
        private long failed;
        private long elapsedNanos;
        private final Latencies latencies = new Latencies(1 << 16);
        private Throwable firstFailure;
        private long cpuNanos;

        void measure(Supplier<CompletableFuture<?>> call, int concurrency, Duration duration)
                throws InterruptedException {
            long cpuBefore = Machine.processCpuNanos();
            ClosedLoop.Result result = ClosedLoop.run(call, concurrency, duration, Long.MAX_VALUE);
            cpuNanos += Machine.processCpuNanos() - cpuBefore;
            add(result);
        }

        // Server, client and benchmark threads together: the same server work is in both variants.
        double cpuMicrosPerRequest() {
            return cpuNanos / 1e3 / completed;
        }

        void add(ClosedLoop.Result result) {
            completed += result.completed();
            failed += result.failed();
            elapsedNanos += result.elapsedNanos();
            latencies.addAll(result.latencies());
            if (firstFailure == null) {
                firstFailure = result.firstFailure();
            }
        }

        double perSecond() {
            return completed * 1e9 / elapsedNanos;
        }

        Latencies.Summary print(int concurrency, String path) {
            Latencies.Summary summary = latencies.summary();
            System.out.printf(
                    Locale.ROOT,
                    "%-11d %-6s %9d %10.0f %9.1f %9.1f %7d%n",
                    concurrency,
                    path,
                    completed,
                    perSecond(),
                    summary.p50Micros(),
                    summary.p99Micros(),
                    failed);
            if (firstFailure != null) {
                System.out.println("  first failure: " + firstFailure);
            }
            return summary;
        }
    }
}
