package dev.memos4j.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmupTest {

    // A fake clock: every run of the operation takes 1 ms.
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger runs = new AtomicInteger();
    private final Runnable operation = () -> {
        runs.incrementAndGet();
        nanos.addAndGet(1_000_000);
    };

    @Test
    void stopsAfterTwoQuietRoundsOnceTheCompilerIsDone() {
        // The compiler works 10 ms per run for the first 120 runs (rounds 1-3), then never again.
        Warmup.Result result =
                Warmup.untilCompiled(operation, 0, 10_000, 600, () -> 10L * Math.min(runs.get(), 120), nanos::get);

        assertThat(result.settled()).isTrue();
        assertThat(result.runs()).isEqualTo(5 * Warmup.ROUND).isEqualTo(runs.get());
        assertThat(result.seconds()).isEqualTo(0.25);
    }

    @Test
    void runsAtLeastTheMinimumEvenWhenQuietAtOnce() {
        Warmup.Result result = Warmup.untilCompiled(operation, 400, 10_000, 600, () -> 0L, nanos::get);

        assertThat(result.settled()).isTrue();
        assertThat(result.runs()).isEqualTo(400);
    }

    @Test
    void givesUpAtTheRunLimitWhileTheCompilerIsStillBusy() {
        Warmup.Result result = Warmup.untilCompiled(operation, 0, 130, 600, () -> 10L * runs.get(), nanos::get);

        assertThat(result.settled()).isFalse();
        assertThat(result.runs()).isEqualTo(130).isEqualTo(runs.get());
    }

    @Test
    void givesUpAtTheTimeLimitWhileTheCompilerIsStillBusy() {
        Warmup.Result result = Warmup.untilCompiled(operation, 0, 10_000, 0.2, () -> 10L * runs.get(), nanos::get);

        assertThat(result.settled()).isFalse();
        assertThat(result.runs()).isEqualTo(4 * Warmup.ROUND);
    }

    @Test
    void warmsARealOperationUntilSettledOrALimit() {
        Warmup.Result result = Warmup.untilCompiled(() -> Math.sqrt(runs.incrementAndGet()), 100, 5_000, 30);

        assertThat(result.runs()).isBetween(100, 5_000).isEqualTo(runs.get());
    }
}
