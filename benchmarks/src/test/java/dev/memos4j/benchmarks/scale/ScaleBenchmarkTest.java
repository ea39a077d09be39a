package dev.memos4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad options are refused before anything is indexed. */
class ScaleBenchmarkTest {

    @Test
    void refusesAnUnknownEmbedder() {
        assertThatThrownBy(() -> ScaleBenchmark.run(new String[] {"--embedder", "word2vec"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--embedder takes default, bge or minilm");
    }

    @Test
    void refusesNoEmbedderForHybrid() {
        assertThatThrownBy(() -> ScaleBenchmark.run(new String[] {"--embedder", "none"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--embedder takes default, bge or minilm");
    }

    @Test
    void refusesAnUnknownMode() {
        assertThatThrownBy(() -> ScaleBenchmark.run(new String[] {"--modes", "bm25,dense"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--modes takes bm25 and/or hybrid, got 'dense'");
    }
}
