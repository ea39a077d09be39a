package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.memos4j.local.Embedder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/** The bundled models, run one thread per inference and batches sliced across cores. */
class OnnxEmbedderTest {

    private static final List<String> TEXTS = List.of(
            "Take the kids to the zoo on Saturday",
            "I prefer answers with the first three key points, then one suggestion.",
            "",
            "The printer in the study is out of toner again, and the spare cartridge is the wrong model.",
            "Mom is allergic to peanuts",
            "ok");

    @Test
    void bgeVectorsAreTheModelsOwnSoExistingIndexesStayValid() {
        assertSameVectors(OnnxEmbedder.bgeSmall(), new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    @Test
    void miniLmVectorsAreTheModelsOwnSoExistingIndexesStayValid() {
        assertSameVectors(OnnxEmbedder.miniLm(), new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Test
    void aBatchKeepsItsOrderAndMatchesTextsEmbeddedOneByOne() {
        Embedder embedder = OnnxEmbedder.bgeSmall();
        List<float[]> batch = embedder.embed(TEXTS);
        assertThat(batch).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] alone = embedder.embed(List.of(TEXTS.get(i))).get(0);
            assertThat(batch.get(i)).as("text %d", i).containsExactly(alone, within(1e-5f));
        }
    }

    @Test
    void aWriteYieldingToASearchGetsTheSameVectors() {
        OnnxEmbedder embedder = (OnnxEmbedder) OnnxEmbedder.bgeSmall();
        List<float[]> plain = embedder.embed(TEXTS);
        List<float[]> yielding;
        try (SearchFirst.Search running = SearchFirst.search()) {
            yielding = embedder.embedForWrite(TEXTS);
        }
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(yielding.get(i)).as("text %d", i).containsExactly(plain.get(i));
        }
    }

    @Test
    void aQueryIsCloserToTheMemoryThatAnswersIt() {
        Embedder embedder = OnnxEmbedder.bgeSmall();
        float[] query = embedder.embedQuery("What plans do I have for the weekend?");
        List<float[]> memories = embedder.embed(List.of(TEXTS.get(0), TEXTS.get(3)));
        assertThat(query).hasSize(384);
        assertThat(VectorUtil.dotProduct(query, query)).isCloseTo(1f, within(1e-4f));
        assertThat(VectorUtil.cosine(query, memories.get(0))).isGreaterThan(VectorUtil.cosine(query, memories.get(1)));
    }

    @Test
    void aCallerWithASmallStackLoadsAndRunsTheModelWithoutCrashingTheProcess() throws Exception {
        // ONNX Runtime overflows small native stacks: loading the model on a server's main thread (the JVM's
        // default 1 MB) took the process down with SIGSEGV. A fresh JVM, so that this call loads the model.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), SmallStackCaller.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).contains("dimension 384");
    }

    /** Embeds a query on a thread with a 512 KB stack, in a JVM of its own. */
    static final class SmallStackCaller {
        public static void main(String[] args) throws Exception {
            AtomicReference<float[]> vector = new AtomicReference<>();
            Thread small = new Thread(
                    null,
                    () -> vector.set(OnnxEmbedder.bgeSmall().embedQuery("What plans do I have for the weekend?")),
                    "small-stack",
                    512 * 1024);
            small.start();
            small.join();
            System.out.println("dimension " + vector.get().length);
        }
    }

    @Test
    void aTextWithoutTokensIsEmbeddedLikeAFullStop() {
        // Zero-width, control and soft-hyphen characters are not blank, yet the tokenizer drops them all.
        List<float[]> vectors = OnnxEmbedder.bgeSmall().embed(List.of("\u200b", "\u0000\u0001", "\u00ad", " ", "."));
        for (int i = 0; i < 4; i++) {
            assertThat(vectors.get(i)).as("text %d", i).containsExactly(vectors.get(4));
        }
    }

    @Test
    void anEmptyBatchEmbedsNothing() {
        assertThat(OnnxEmbedder.bgeSmall().embed(List.of())).isEmpty();
    }

    private static void assertSameVectors(Embedder embedder, EmbeddingModel reference) {
        List<float[]> vectors = embedder.embed(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i).isBlank() ? "." : TEXTS.get(i);
            float[] expected = reference.embed(text).content().vector();
            assertThat(vectors.get(i)).as("text %d", i).containsExactly(expected, within(1e-4f));
        }
    }

    @Test
    void selectingAModelWhoseJarIsMissingNamesTheDependencyToAdd() {
        OnnxEmbedder absent =
                new OnnxEmbedder("no-such-model", "dev.example:no-such-model", 384, "", BertEncoder.Pooling.MEAN, 512);

        org.assertj.core.api.Assertions.assertThatThrownBy(absent::requireModelFiles)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("the embedding model no-such-model is not on the class path: add the dependency "
                        + "dev\\.example:no-such-model:\\d+\\.\\d+\\.\\d+\\S* \\(memos-local declares it optional\\), "
                        + "or use Embedder\\.defaultModel\\(\\)");
        org.assertj.core.api.Assertions.assertThat(OnnxEmbedder.miniLm())
                .as("MiniLM is on this module's own class path")
                .isNotNull();
    }
}
