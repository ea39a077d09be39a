package dev.memos4j.benchmarks.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.benchmarks.support.Canned;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FacadeOverheadBenchmarkTest {

    @Test
    void instantRunStoresOneExchangePerTurnAndCountsAllocation() {
        FacadeOverheadBenchmark.InstantResult result =
                FacadeOverheadBenchmark.instant(Canned.searchResponse(), 10, 250);
        assertThat(result.turns()).isEqualTo(250);
        assertThat(result.allocatedBytes()).isPositive();
        assertThat(result.turnsPerSecond()).isPositive();
    }

    @Test
    void cannedClientAnswersSearchAndWritesOnlyAndRejectsTheRest() {
        CannedMemosClient memos = new CannedMemosClient(Canned.searchResponse(), Duration.ZERO, Duration.ofMillis(1));
        assertThat(memos.searchMemory(Canned.searchRequest()).join().memories()).hasSize(6);
        assertThat(memos.searches()).isEqualTo(1);
        assertThat(memos.getMemoryById("m-1"))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(MemosUnsupportedOperationException.class);
    }
}
