package dev.memos4j.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.local.Embedder;
import org.junit.jupiter.api.Test;

class EmbedderNamesTest {

    @Test
    void namesTheBundledModelsAndNone() {
        assertThat(EmbedderNames.named("default")).containsSame(Embedder.defaultModel());
        assertThat(EmbedderNames.named("bge")).containsSame(Embedder.bgeSmallEnV15Quantized());
        assertThat(EmbedderNames.named("minilm")).containsSame(Embedder.allMiniLmL6V2Quantized());
        assertThat(EmbedderNames.named("none")).containsSame(Embedder.none());
    }

    @Test
    void anyOtherNameIsEmpty() {
        assertThat(EmbedderNames.named("word2vec")).isEmpty();
        assertThat(EmbedderNames.named("BGE")).isEmpty();
    }
}
