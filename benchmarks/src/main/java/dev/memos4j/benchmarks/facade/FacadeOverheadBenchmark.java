package dev.memos4j.benchmarks.facade;

import com.sun.management.ThreadMXBean;
import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.benchmarks.support.Args;
import dev.memos4j.benchmarks.support.Canned;
import dev.memos4j.benchmarks.support.ClosedLoop;
import dev.memos4j.benchmarks.support.Latencies;
import dev.memos4j.benchmarks.support.Machine;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.testkit.FakeMemosClient;
import dev.memos4j.testkit.MemosEndpoint;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code facade}: what {@link MemoryAugmentedChat} costs on top of its collaborators.
 *
 * <ul>
 *   <li>Instant fakes (search, LLM and write-back complete at once, on the calling thread): turns per
 *       second of one thread, and bytes allocated per turn by that thread
 *       ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}).
 *   <li>Delayed fakes (search 50 ms, LLM 200 ms, write-back 100 ms in the background): the turn must take
 *       about 250 ms, and the write-back must not add to it.
 * </ul>
 *
 * <p>The last line is {@code facade turns-per-s=N alloc-kb-per-turn=N delayed-p50-ms=N delayed-p99-ms=N}.
 */
public final class FacadeOverheadBenchmark {

    static final String ANSWER = "Saturday: zoo with the kids, leave by 9:00. Suggestion: pack snacks and sun hats.";
    // A fresh scripted provider per batch: it records every request, and that log must not grow all run long.
    private static final int TURNS_PER_PROVIDER = 100;
    private static final Duration SEARCH_DELAY = Duration.ofMillis(50);
    private static final Duration LLM_DELAY = Duration.ofMillis(200);
    private static final Duration WRITE_DELAY = Duration.ofMillis(100);

    private FacadeOverheadBenchmark() {}

    /**
     * Runs the command.
     *
     * @param arguments {@code [--turns N] [--warmup-turns N] [--delayed-turns N] [--delayed-concurrency N] [--quick]}
     * @return the exit code
     * @throws Exception when the benchmark cannot run
     */
    public static int run(String[] arguments) throws Exception {
        Args args = Args.parse(
                arguments, Set.of("turns", "warmup-turns", "delayed-turns", "delayed-concurrency"), Set.of("quick"));
        boolean quick = args.flag("quick");
        int turns = args.positiveInt("turns", quick ? 5_000 : 100_000);
        int warmupTurns = args.positiveInt("warmup-turns", quick ? 5_000 : 50_000);
        int delayedTurns = args.positiveInt("delayed-turns", quick ? 16 : 96);
        int delayedConcurrency = args.positiveInt("delayed-concurrency", 8);

        System.out.println(Machine.describe());
        SearchMemoryResponse recalled = Canned.searchResponse();
        System.out.printf(
                Locale.ROOT,
                "facade: MemoryAugmentedChat over fakes; search returns %d memories and %d "
                        + "preferences; DefaultPromptBuilder; write-back ASYNC%n",
                recalled.memories().size(),
                recalled.preferences().size());

        InstantResult instant = instant(recalled, warmupTurns, turns);
        System.out.printf(
                Locale.ROOT,
                "instant fakes, 1 thread: %d turns in %.2f s = %.0f turns/s, %.1f KB allocated " + "per turn%n",
                turns,
                instant.seconds(),
                instant.turnsPerSecond(),
                instant.allocatedKbPerTurn());

        delayed(recalled, delayedConcurrency, delayedConcurrency); // warm-up
        Latencies.Summary baseline = fakesAlone(recalled, delayedTurns, delayedConcurrency);
        DelayedResult delayed = delayed(recalled, delayedTurns, delayedConcurrency);
        Latencies.Summary latency = delayed.latencies();
        System.out.printf(
                Locale.ROOT,
                "delayed fakes alone (search then LLM, no facade), %d in flight: p50 %.1f ms, "
                        + "p99 %.1f ms (the timers' own precision on this machine)%n",
                delayedConcurrency,
                baseline.p50Millis(),
                baseline.p99Millis());
        System.out.printf(
                Locale.ROOT,
                "delayed fakes (search %d ms + LLM %d ms on the path, write-back %d ms off it), "
                        + "%d turns, %d in flight: p50 %.1f ms, p99 %.1f ms, max %.1f ms; write-back still running when the "
                        + "reply arrived: %d of %d; all write-backs completed: %s%n",
                SEARCH_DELAY.toMillis(),
                LLM_DELAY.toMillis(),
                WRITE_DELAY.toMillis(),
                latency.count(),
                delayedConcurrency,
                latency.p50Millis(),
                latency.p99Millis(),
                latency.max() / 1e6,
                delayed.pendingAtReply(),
                latency.count(),
                delayed.allWritesCompleted());
        double floor = SEARCH_DELAY.plus(LLM_DELAY).toNanos() / 1e6;
        // The facade's own share is measured against the same fakes chained without it: on a busy machine the
        // timers alone run a few ms late, and that is not the facade's doing.
        double added = latency.p50Millis() - baseline.p50Millis();
        System.out.printf(
                Locale.ROOT,
                "target: delayed p50 within a few ms of %.0f ms: %+.1f ms over %.0f ms, of which "
                        + "%+.1f ms added by the facade (<= 5 ms) -> %s; write-back off the critical path -> %s%n",
                floor,
                latency.p50Millis() - floor,
                floor,
                added,
                added <= 5 ? "met" : "MISSED",
                latency.p99Millis() < floor + WRITE_DELAY.toMillis() && delayed.allWritesCompleted()
                        ? "met"
                        : "MISSED");
        System.out.printf(
                Locale.ROOT,
                "facade turns-per-s=%.0f alloc-kb-per-turn=%.1f delayed-p50-ms=%.1f " + "delayed-p99-ms=%.1f%n",
                instant.turnsPerSecond(),
                instant.allocatedKbPerTurn(),
                latency.p50Millis(),
                latency.p99Millis());
        return 0;
    }

    record InstantResult(int turns, long nanos, long allocatedBytes) {
        double seconds() {
            return nanos / 1e9;
        }

        double turnsPerSecond() {
            return turns / seconds();
        }

        double allocatedKbPerTurn() {
            return allocatedBytes / 1024.0 / turns;
        }
    }

    record DelayedResult(Latencies.Summary latencies, int pendingAtReply, boolean allWritesCompleted) {}

    /**
     * The service stand-in: {@code search/memory} answers {@code recalled} and {@code add/message} a receipt,
     * each after its delay (none: the future is already complete; delays run on the JDK's delayed executor,
     * so no thread sleeps). It keeps no request, so a long run holds no memory; other endpoints fail.
     */
    static FakeMemosClient canned(SearchMemoryResponse recalled, Duration searchDelay, Duration writeDelay) {
        FakeMemosClient memos = new FakeMemosClient().recordCalls(false);
        memos.on(MemosEndpoint.SEARCH_MEMORY).delay(searchDelay).thenReturn(recalled);
        TaskReceipt receipt = TaskReceipt.of("task-1", TaskStatus.RUNNING);
        memos.on(MemosEndpoint.ADD_MESSAGE).delay(writeDelay).thenReturn(receipt);
        return memos;
    }

    static InstantResult instant(SearchMemoryResponse recalled, int warmupTurns, int turns) {
        FakeMemosClient memos = canned(recalled, Duration.ZERO, Duration.ZERO);
        runInstantTurns(memos, warmupTurns);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        runInstantTurns(memos, turns);
        long nanos = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        if (memos.callCount(MemosEndpoint.ADD_MESSAGE) != (long) warmupTurns + turns) {
            throw new IllegalStateException("expected " + (warmupTurns + turns) + " write-backs, saw "
                    + memos.callCount(MemosEndpoint.ADD_MESSAGE));
        }
        return new InstantResult(turns, nanos, allocated);
    }

    // Everything runs on this thread (LLM and write-back executors are direct), so the allocation counter of
    // this thread sees the whole turn.
    private static void runInstantTurns(FakeMemosClient memos, int turns) {
        MemoryAugmentedChat chat = null;
        for (int i = 0; i < turns; i++) {
            if (i % TURNS_PER_PROVIDER == 0) {
                ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                        .otherwise(request -> ANSWER)
                        .executor(Runnable::run)
                        .build();
                chat = MemoryAugmentedChat.builder(memos, llm)
                        .writeBackExecutor(Runnable::run)
                        .build();
            }
            ChatReply reply = chat.chat("bench-user", "bench-conversation", "What plans do I have for the weekend?")
                    .join();
            if (!reply.answer().equals(ANSWER) || reply.memories().size() != 6) {
                throw new IllegalStateException("unexpected reply: " + reply.answer());
            }
        }
    }

    // The same delays chained without the facade: what the timers alone give under the current load.
    static Latencies.Summary fakesAlone(SearchMemoryResponse recalled, int turns, int concurrency)
            throws InterruptedException {
        FakeMemosClient memos = canned(recalled, SEARCH_DELAY, WRITE_DELAY);
        ScriptedLlmProvider.Builder script = ScriptedLlmProvider.builder();
        for (int i = 0; i < turns + concurrency; i++) {
            script.replyAfter(LLM_DELAY, ANSWER);
        }
        ScriptedLlmProvider llm = script.build();
        LlmRequest request = LlmRequest.of(List.of(ChatMessage.user("What plans do I have for the weekend?")));
        ClosedLoop.Result result = ClosedLoop.run(
                () -> memos.searchMemory(Canned.searchRequest()).thenCompose(found -> llm.complete(request)),
                concurrency,
                Duration.ofMinutes(2),
                turns);
        if (result.failed() > 0) {
            throw new IllegalStateException(result.failed() + " baseline calls failed", result.firstFailure());
        }
        return result.latencies().summary();
    }

    static DelayedResult delayed(SearchMemoryResponse recalled, int turns, int concurrency)
            throws InterruptedException {
        FakeMemosClient memos = canned(recalled, SEARCH_DELAY, WRITE_DELAY);
        ScriptedLlmProvider.Builder script = ScriptedLlmProvider.builder();
        for (int i = 0; i < turns + concurrency; i++) {
            script.replyAfter(LLM_DELAY, ANSWER);
        }
        MemoryAugmentedChat chat =
                MemoryAugmentedChat.builder(memos, script.build()).build();
        AtomicInteger pendingAtReply = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<?>> writeBacks = new ConcurrentLinkedQueue<>();
        AtomicInteger conversation = new AtomicInteger();
        ClosedLoop.Result result = ClosedLoop.run(
                () -> chat.chat(
                                "bench-user",
                                "conversation-" + conversation.incrementAndGet(),
                                "What plans do I have for the weekend?")
                        .thenApply(reply -> {
                            if (!reply.writeBack().isDone()) {
                                pendingAtReply.incrementAndGet();
                            }
                            writeBacks.add(reply.writeBack());
                            return reply;
                        }),
                concurrency,
                Duration.ofMinutes(2),
                turns);
        if (result.failed() > 0) {
            throw new IllegalStateException(result.failed() + " delayed turns failed", result.firstFailure());
        }
        boolean allCompleted;
        try {
            CompletableFuture.allOf(writeBacks.toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
            allCompleted = writeBacks.size() == result.completed();
        } catch (Exception e) {
            allCompleted = false;
        }
        return new DelayedResult(result.latencies().summary(), pendingAtReply.get(), allCompleted);
    }
}
