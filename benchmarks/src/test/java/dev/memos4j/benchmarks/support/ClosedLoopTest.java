package dev.memos4j.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void stopsAtTheCallBudgetEvenWhenCallsCompleteAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ClosedLoop.Result result = ClosedLoop.run(
                () -> CompletableFuture.completedFuture(calls.incrementAndGet()), 4, Duration.ofMinutes(1), 50_000);
        assertThat(calls.get()).isEqualTo(50_000); // a deep recursion would have overflowed long before
        assertThat(result.completed()).isEqualTo(50_000);
        assertThat(result.failed()).isZero();
        assertThat(result.latencies().count()).isEqualTo(50_000);
        assertThat(result.perSecond()).isPositive();
    }

    @Test
    void keepsAtMostConcurrencyCallsInFlightAndCountsFailures() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        ClosedLoop.Result result = ClosedLoop.run(
                () -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    int n = calls.incrementAndGet();
                    return CompletableFuture.runAsync(() -> inFlight.decrementAndGet())
                            .thenApply(v -> {
                                if (n % 10 == 0) {
                                    throw new IllegalStateException("call " + n + " fails");
                                }
                                return n;
                            });
                },
                3,
                Duration.ofMinutes(1),
                200);
        assertThat(maxInFlight.get()).isBetween(1, 3);
        assertThat(result.completed() + result.failed()).isEqualTo(200);
        assertThat(result.failed()).isEqualTo(20);
        assertThat(result.firstFailure()).hasMessageContaining("fails");
    }
}
