package dev.memos4j.local.internal;

import dev.memos4j.local.Embedder;
import java.util.List;

/**
 * The embedder that produces no vectors (BM25-only search). A class of its own, apart from
 * {@link OnnxEmbedder}, so that choosing it loads no ONNX or langchain4j class: an application can then
 * leave the model jars out entirely.
 */
public final class NoEmbedder implements Embedder {

    /** The one instance. */
    public static final Embedder INSTANCE = new NoEmbedder();

    private NoEmbedder() {}

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
}
