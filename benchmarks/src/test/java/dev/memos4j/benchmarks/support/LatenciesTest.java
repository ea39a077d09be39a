package dev.memos4j.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentiles() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1; // 1..100
        }
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(sorted, 0.5)).isEqualTo(1);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Latencies.percentile(new long[] {1, 2, 3}, 50)).isEqualTo(2);
        assertThat(Latencies.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
    }

    @Test
    void summarySortsUnorderedSamplesAndGrowsPastItsCapacity() {
        Latencies latencies = new Latencies(2);
        for (long sample : new long[] {9_000, 1_000, 5_000, 3_000, 7_000}) {
            latencies.record(sample);
        }
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.p50()).isEqualTo(5_000);
        assertThat(summary.p99()).isEqualTo(9_000);
        assertThat(summary.min()).isEqualTo(1_000);
        assertThat(summary.max()).isEqualTo(9_000);
        assertThat(summary.mean()).isEqualTo(5_000.0);
        assertThat(summary.p50Micros()).isEqualTo(5.0);
        assertThat(summary.p99Millis()).isEqualTo(0.009);
    }

    @Test
    void mergesRecorders() {
        Latencies a = new Latencies(4);
        a.record(1);
        Latencies b = new Latencies(4);
        b.record(2);
        b.record(3);
        a.addAll(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.summary().max()).isEqualTo(3);
    }

    @Test
    void rejectsWhatCannotBeSummarised() {
        assertThatThrownBy(() -> new Latencies(4).summary()).hasMessageContaining("no latency");
        assertThatThrownBy(() -> new Latencies(4).record(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Latencies.percentile(new long[0], 50)).hasMessageContaining("no samples");
    }
}
