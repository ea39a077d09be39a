package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Writes yield the CPU to running searches, for as long as their own work took, and never for good. */
class SearchFirstTest {

    private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void aWriteDoesNotYieldWhenNoSearchRuns() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> SearchFirst.yieldAfter(AN_HOUR));
    }

    @Test
    void aWriteYieldsWhileASearchRunsAndGoesOnWhenTheLastSearchEnds() throws Exception {
        SearchFirst.Search first = SearchFirst.search();
        SearchFirst.Search second = SearchFirst.search();
        AtomicReference<Thread> writer = new AtomicReference<>();
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            writer.set(Thread.currentThread());
            SearchFirst.yieldAfter(AN_HOUR);
        });
        awaitTimedWaiting(writer);

        first.close();
        first.close(); // a second close counts once: the other search still runs
        assertThat(SearchFirst.searching()).isTrue();
        assertThat(write).as("yielding while a search runs").isNotDone();

        second.close();
        write.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aWriteYieldsNoLongerThanItsOwnWorkTookEvenUnderEndlessSearches() throws Exception {
        try (SearchFirst.Search endless = SearchFirst.search()) {
            assertThat(SearchFirst.searching()).isTrue();
            assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> SearchFirst.yieldAfter(TimeUnit.MILLISECONDS.toNanos(20)));
        }
        assertThat(SearchFirst.searching()).isFalse();
    }

    @Test
    void anInterruptedWriteStopsYieldingAndKeepsItsInterrupt() throws Exception {
        try (SearchFirst.Search running = SearchFirst.search()) {
            CompletableFuture<Boolean> interrupted = CompletableFuture.supplyAsync(() -> {
                Thread.currentThread().interrupt();
                SearchFirst.yieldAfter(AN_HOUR);
                return Thread.interrupted();
            });
            assertThat(interrupted.get(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void awaitTimedWaiting(AtomicReference<Thread> thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.get() == null || thread.get().getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("the write to yield").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
