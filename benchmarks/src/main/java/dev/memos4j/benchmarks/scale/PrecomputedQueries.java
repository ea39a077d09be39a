package dev.memos4j.benchmarks.scale;

import dev.memos4j.local.Embedder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds exactly like its model, except that queries {@linkplain #precompute precomputed} are answered from
 * memory: searching with them times the engine without the model.
 */
final class PrecomputedQueries implements Embedder {

    private final Embedder model;
    private final Map<String, float[]> ready = new ConcurrentHashMap<>();

    PrecomputedQueries(Embedder model) {
        this.model = model;
    }

    /** Embeds {@code queries} now; later searches with them skip the model. */
    void precompute(List<String> queries) {
        if (model.enabled()) {
            for (String query : queries) {
                ready.put(query, model.embedQuery(query));
            }
        }
    }

    /** Back to embedding every query. */
    void forget() {
        ready.clear();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return model.embed(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        float[] vector = ready.get(query);
        return vector != null ? vector.clone() : model.embedQuery(query);
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String toString() {
        return "PrecomputedQueries[" + model + "]";
    }
}
