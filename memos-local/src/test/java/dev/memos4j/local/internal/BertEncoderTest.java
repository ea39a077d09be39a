package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The encoder computes LangChain4j's OnnxBertBiEncoder vectors bit for bit, so indexes built before it keep
 * working: both run on one session here, so any difference is the encoding's, not ONNX Runtime's.
 */
class BertEncoderTest {

    /** Past both models' truncation (128 and 512 tokens), with word pieces, accents, CJK and symbols. */
    private static final String LONG = IntStream.range(0, 400)
            .mapToObj(i -> "Paragraph " + i + ": the grandparents' unbelievably complicated itinerary (café, 周六, 🦁)")
            .collect(Collectors.joining(" "));

    private static final List<String> TEXTS = List.of(
            "Take the kids to the zoo on Saturday",
            "I prefer answers with the first three key points, then one suggestion.",
            ".",
            "ok",
            "Représentation: naïve façade — don't over-think it!!! #hashtag ##pieces [UNK] [SEP] e-mail@example.com",
            "周六带孩子去动物园 🧠👨‍👩‍👧 שלום مرحبا",
            "Represent this sentence for searching relevant passages: What plans do I have for the weekend?",
            LONG);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bge-small-en-v1.5-q, CLS, 512", "all-minilm-l6-v2-q, MEAN, 128"})
    void vectorsAreLangChain4jsOwnBitForBitLongTextsIncluded(String model, PoolingMode pooling, int maxTokens)
            throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream modelFile = resource(model + ".onnx");
                InputStream ourTokenizer = resource(model + "-tokenizer.json");
                InputStream theirTokenizer = resource(model + "-tokenizer.json")) {
            options.setIntraOpNumThreads(1);
            OrtSession session = environment.createSession(modelFile.readAllBytes(), options);
            BertEncoder ours = BertEncoder.create(
                    environment, session, ourTokenizer, maxTokens, BertEncoder.Pooling.valueOf(pooling.name()));
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, theirTokenizer, pooling);
            AbstractInProcessEmbeddingModel theirs = new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            };

            for (String text : TEXTS) {
                float[] expected = theirs.embed(text).content().vector();
                assertThat(ours.embed(text)).as(text).containsExactly(expected);
            }
            assertThat(ours.embed(LONG))
                    .as("a text is embedded from its first tokens: what follows the truncation does not count")
                    .containsExactly(ours.embed(LONG + " and an ending that is never read"));
            assertThatThrownBy(() -> ours.embed("\u0000\u0001"))
                    .as("no token at all, as the library")
                    .isInstanceOf(IllegalArgumentException.class);
            session.close();
        }
    }

    private static InputStream resource(String file) {
        InputStream in = BertEncoderTest.class.getClassLoader().getResourceAsStream(file);
        assertThat(in).as(file).isNotNull();
        return in;
    }
}
