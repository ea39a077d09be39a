package dev.memos4j.benchmarks.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: {@code concurrency} workers each keep exactly one call in flight and
 * start the next one when it completes, until a deadline or a call budget is reached. Latency is measured
 * per call from the moment it is started to the moment its future completes.
 */
public final class ClosedLoop {

    private ClosedLoop() {}

    /**
     * What one run measured.
     *
     * @param completed calls that completed normally
     * @param failed calls that completed exceptionally
     * @param elapsedNanos wall time from the first call to the last completion
     * @param latencies latencies of the calls that completed normally
     * @param firstFailure the first failure seen, if any
     */
    public record Result(long completed, long failed, long elapsedNanos, Latencies latencies, Throwable firstFailure) {

        /**
         * Completed calls per second of wall time.
         *
         * @return the throughput
         */
        public double perSecond() {
            return completed * 1e9 / elapsedNanos;
        }
    }

    /**
     * Runs the loop and waits for every in-flight call to finish.
     *
     * @param call starts one call; must not block
     * @param concurrency calls kept in flight; at least 1
     * @param duration how long to keep starting calls
     * @param maxCalls an upper bound on the calls started, whatever the duration
     * @return the measurements
     * @throws InterruptedException when interrupted while waiting
     */
    public static Result run(Supplier<CompletableFuture<?>> call, int concurrency, Duration duration, long maxCalls)
            throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong started = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        int capacity = (int) Math.min(1 << 20, Math.max(1024, maxCalls / concurrency + 1));
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(
                    new Worker(call, deadline, maxCalls, started, failed, firstFailure, done, new Latencies(capacity)));
        }
        workers.forEach(Worker::next);
        // Bounded wait: a call that never completes must not hang the benchmark.
        if (!done.await(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("calls were still in flight 60 s after the deadline");
        }
        long elapsed = System.nanoTime() - start;
        Latencies all = new Latencies(capacity * concurrency);
        workers.forEach(w -> all.addAll(w.latencies));
        return new Result(all.count(), failed.get(), elapsed, all, firstFailure.get());
    }

    /** One in-flight slot; its callbacks run one after another, so its recorder needs no locking. */
    private static final class Worker {
        private final Supplier<CompletableFuture<?>> call;
        private final long deadline;
        private final long maxCalls;
        private final AtomicLong started;
        private final AtomicLong failed;
        private final AtomicReference<Throwable> firstFailure;
        private final CountDownLatch done;
        private final Latencies latencies;

        Worker(
                Supplier<CompletableFuture<?>> call,
                long deadline,
                long maxCalls,
                AtomicLong started,
                AtomicLong failed,
                AtomicReference<Throwable> firstFailure,
                CountDownLatch done,
                Latencies latencies) {
            this.call = call;
            this.deadline = deadline;
            this.maxCalls = maxCalls;
            this.started = started;
            this.failed = failed;
            this.firstFailure = firstFailure;
            this.done = done;
            this.latencies = latencies;
        }

        void next() {
            // A loop rather than recursion, so calls that complete at once cannot overflow the stack.
            while (true) {
                if (System.nanoTime() >= deadline || started.incrementAndGet() > maxCalls) {
                    done.countDown();
                    return;
                }
                long begin = System.nanoTime();
                CompletableFuture<?> future = start();
                if (future.isDone()) {
                    finished(future, begin);
                    continue;
                }
                future.whenComplete((value, error) -> {
                    finished(future, begin);
                    next();
                });
                return;
            }
        }

        private CompletableFuture<?> start() {
            try {
                return call.get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private void finished(CompletableFuture<?> future, long begin) {
            long latency = System.nanoTime() - begin;
            if (future.isCompletedExceptionally()) {
                failed.incrementAndGet();
                future.handle((v, e) -> firstFailure.compareAndSet(null, e));
            } else {
                latencies.record(latency);
            }
        }
    }
}
