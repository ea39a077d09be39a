package dev.memos4j.benchmarks.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.benchmarks.support.Canned;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.testkit.FakeMemosClient;
import dev.memos4j.testkit.MemosEndpoint;
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
        FakeMemosClient memos =
                FacadeOverheadBenchmark.canned(Canned.searchResponse(), Duration.ZERO, Duration.ofMillis(1));
        assertThat(memos.searchMemory(Canned.searchRequest()).join().memories()).hasSize(6);
        assertThat(memos.callCount(MemosEndpoint.SEARCH_MEMORY)).isEqualTo(1);
        assertThat(memos.calls()).as("keeps no request").isEmpty();
        assertThat(memos.deleteKnowledgebase("kb-1"))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(MemosUnsupportedOperationException.class);
    }
}
