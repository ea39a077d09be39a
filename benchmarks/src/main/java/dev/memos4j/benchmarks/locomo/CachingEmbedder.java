package dev.memos4j.benchmarks.locomo;

import dev.memos4j.local.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An embedder that remembers every vector it computed, so a second engine over the same turns (the
 * cross-validation pass) costs no model time. Same name as the model it wraps: the vectors are the model's.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder model;
    private final Map<String, float[]> passages = new ConcurrentHashMap<>();
    private final Map<String, float[]> queries = new ConcurrentHashMap<>();

    /**
     * Wraps a model.
     *
     * @param model the model whose vectors are kept
     */
    public CachingEmbedder(Embedder model) {
        this.model = model;
    }

    /**
     * Adds the vectors a previous run saved (nothing when the file does not exist).
     *
     * @param file a file written by {@link #save}
     */
    public void load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(model.name())) {
                return; // another model's vectors
            }
            for (Map<String, float[]> map : List.of(passages, queries)) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String text = in.readUTF();
                    float[] vector = new float[in.readInt()];
                    for (int j = 0; j < vector.length; j++) {
                        vector[j] = in.readFloat();
                    }
                    map.put(text, vector);
                }
            }
        }
    }

    /**
     * Saves every vector computed so far, so the next run of the same data skips the model.
     *
     * @param file where to write
     */
    public void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(model.name());
            for (Map<String, float[]> map : List.of(passages, queries)) {
                out.writeInt(map.size());
                for (Map.Entry<String, float[]> entry : map.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue().length);
                    for (float v : entry.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
        }
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            if (!passages.containsKey(text) && !missing.contains(text)) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = model.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                passages.put(missing.get(i), computed.get(i));
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(passages.get(text).clone());
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return queries.computeIfAbsent(query, model::embedQuery).clone();
    }

    @Override
    public String name() {
        return model.name();
    }
}
