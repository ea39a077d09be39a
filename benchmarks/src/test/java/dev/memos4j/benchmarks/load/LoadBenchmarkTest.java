package dev.memos4j.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad options are refused before a server starts or anything is written. */
class LoadBenchmarkTest {

    @Test
    void refusesAnUnknownEmbedder() {
        assertThatThrownBy(() -> LoadBenchmark.run(new String[] {"--embedder", "word2vec"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--embedder takes default, bge, minilm or none");
    }

    @Test
    void refusesNoWriters() {
        assertThatThrownBy(() -> LoadBenchmark.run(new String[] {"--writers", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--writers must be a positive integer, got '0'");
    }
}
