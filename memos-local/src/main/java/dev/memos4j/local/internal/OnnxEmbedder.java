package dev.memos4j.local.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.memos4j.local.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** An in-process ONNX model, loaded on first use (loading takes about half a second). */
public final class OnnxEmbedder implements Embedder {

    /** The embedder that produces no vectors. */
    public static final Embedder NONE = new Embedder() {
        @Override
        public int dimension() {
            return 0;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            throw new UnsupportedOperationException("Embedder.none() produces no vectors");
        }

        @Override
        public String name() {
            return "none";
        }

        @Override
        public String toString() {
            return "Embedder.none()";
        }
    };

    // bge retrieves best when queries carry this instruction and passages do not.
    private static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final String name;
    private final int dimension;
    private final String queryPrefix;
    private final Supplier<EmbeddingModel> loader;
    private volatile EmbeddingModel model;

    private OnnxEmbedder(String name, int dimension, String queryPrefix, Supplier<EmbeddingModel> loader) {
        this.name = name;
        this.dimension = dimension;
        this.queryPrefix = queryPrefix;
        this.loader = loader;
    }

    // One instance per model in the process: engines share the loaded model (it is thread-safe).
    private static final OnnxEmbedder BGE_SMALL = new OnnxEmbedder(
            "bge-small-en-v1.5-q", 384, BGE_QUERY_INSTRUCTION, BgeSmallEnV15QuantizedEmbeddingModel::new);
    private static final OnnxEmbedder MINI_LM =
            new OnnxEmbedder("all-minilm-l6-v2-q", 384, "", AllMiniLmL6V2QuantizedEmbeddingModel::new);

    /** bge-small-en-v1.5, quantized (shared, loaded on first use). */
    public static Embedder bgeSmall() {
        return BGE_SMALL;
    }

    /** all-MiniLM-L6-v2, quantized (shared, loaded on first use). */
    public static Embedder miniLm() {
        return MINI_LM;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(text.isBlank() ? "." : text));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(List.of(queryPrefix + query)).get(0);
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = loader.get();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    @Override
    public String toString() {
        return "Embedder[" + name + ", " + dimension + " dims]";
    }
}
