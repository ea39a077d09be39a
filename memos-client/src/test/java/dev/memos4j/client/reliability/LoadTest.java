package dev.memos4j.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many calls at once on one client against a loopback stub: all complete, the JVM's thread count and heap stay
 * bounded, and cancelling calls in flight releases them. Bounds are generous: they trip on a thread per call
 * or on responses that are never released, not on a slow machine.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // only trips on a real hang
class LoadTest {

    private static final String CANNED = "{\"code\":0,\"message\":\"ok\",\"data\":{\"memory_detail_list\":["
            + "{\"id\":\"m1\",\"memory_key\":\"zoo\",\"memory_value\":\"Take the kids to the zoo on Saturday.\","
            + "\"relativity\":0.91}],\"preference_detail_list\":[]}}";
    private static final int CALLS = 10_000;
    private static final int MAX_EXTRA_THREADS = 100;
    private static final long MAX_HEAP_GROWTH_BYTES = 256L * 1024 * 1024;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final AtomicInteger served = new AtomicInteger();
    private volatile CountDownLatch holdResponses = new CountDownLatch(0);

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CALLS);
        serverThreads = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "load-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(serverThreads);
        server.createContext("/openmem/v1/search/memory", this::answer);
        server.start();
    }

    @AfterEach
    void stopStub() {
        holdResponses.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            try {
                holdResponses.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] body = CANNED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        }
    }

    /**
     * Live threads, leaving out the JDK's one-shot completion threads. {@code HttpClient.sendAsync} hands
     * every response to {@code CompletableFuture}'s default async executor, which is thread-per-task
     * (unnamed {@code Thread-N}) when the common pool has a parallelism of 1, as on any 2-core machine.
     * Those threads end as soon as they complete the future; how many overlap depends only on how
     * starved the CPU is. Everything the client owns is named and counted.
     */
    private static int lastingThreads() {
        int oneShot = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().matches("Thread-\\d+")) {
                oneShot++;
            }
        }
        return ThreadLeaks.liveThreads() - oneShot;
    }

    private MemosClient client() {
        return MemosClient.builder()
                .apiKey("test-key")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/openmem/v1")
                .timeout(Duration.ofSeconds(60))
                .connectTimeout(Duration.ofSeconds(30))
                // a loopback server under this load closes some kept-alive connections; searches are retried
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(50))
                        .maxBackoff(Duration.ofMillis(200))
                        .build())
                .build();
    }

    private static SearchMemoryRequest search(int i) {
        return SearchMemoryRequest.builder()
                .userId("user-" + (i % 100))
                .query("weekend plans " + i)
                .build();
    }

    @Test
    void tenThousandConcurrentSearchesCompleteWithBoundedThreadsAndHeap() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadLeaks leaks = ThreadLeaks.snapshot();
        int threadsBefore = lastingThreads();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicInteger peakThreads = new AtomicInteger(threadsBefore);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "thread-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(
                () -> peakThreads.accumulateAndGet(lastingThreads(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
        List<CompletableFuture<SearchMemoryResponse>> calls = new ArrayList<>(CALLS);
        long started = System.nanoTime();
        try (MemosClient client = client()) {
            for (int i = 0; i < CALLS; i++) {
                calls.add(client.searchMemory(search(i)));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            System.gc();
            long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;
            sampler.shutdownNow();

            assertThat(calls)
                    .allSatisfy(call -> assertThat(call.join().memories()).hasSize(1));
            assertThat(served.get()).isEqualTo(CALLS);
            assertThat(peakThreads.get() - threadsBefore)
                    .as("threads added at the peak of the run")
                    .isLessThan(MAX_EXTRA_THREADS);
            assertThat(heapGrowth)
                    .as("heap growth after GC, all responses still held")
                    .isLessThan(MAX_HEAP_GROWTH_BYTES);
            System.out.printf(
                    "load: %d searches in %d ms, peak +%d threads, heap +%d KiB after GC%n",
                    CALLS, elapsedMillis, peakThreads.get() - threadsBefore, heapGrowth / 1024);
        } finally {
            sampler.shutdownNow();
        }
        calls.clear();
        assertThat(leaks.awaitNoneLeftSince("memos4j-"))
                .as("client threads after close")
                .isEmpty();
    }

    @Test
    void cancellingHalfOfTheCallsInFlightReleasesThem() throws Exception {
        holdResponses = new CountDownLatch(1);
        ThreadLeaks leaks = ThreadLeaks.snapshot();
        int inFlight = 1_000;
        List<CompletableFuture<SearchMemoryResponse>> calls = new ArrayList<>(inFlight);
        try (MemosClient client = client()) {
            for (int i = 0; i < inFlight; i++) {
                calls.add(client.searchMemory(search(i)));
            }
            for (int i = 0; i < inFlight; i += 2) {
                assertThat(calls.get(i).cancel(true)).isTrue();
            }
            holdResponses.countDown(); // the stub answers everything still waiting

            CompletableFuture<?> all = CompletableFuture.allOf(
                    calls.stream().map(call -> call.handle((v, e) -> null)).toArray(CompletableFuture[]::new));
            all.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < inFlight; i++) {
                CompletableFuture<SearchMemoryResponse> call = calls.get(i);
                if (i % 2 == 0) {
                    assertThat(call).isCancelled();
                    assertThat(catchCancellation(call)).isTrue();
                } else {
                    assertThat(call.join().memories()).hasSize(1);
                }
            }
        }
        assertThat(leaks.awaitNoneLeftSince("memos4j-"))
                .as("client threads after close")
                .isEmpty();
    }

    private static boolean catchCancellation(CompletableFuture<?> call) {
        try {
            call.join();
            return false;
        } catch (CancellationException expected) {
            return true;
        }
    }
}
