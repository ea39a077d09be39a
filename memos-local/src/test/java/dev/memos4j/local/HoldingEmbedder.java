package dev.memos4j.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small deterministic embedder for tests that holds any call embedding a text containing {@code HOLD}
 * until {@link #release()}, so a test can keep the ingest busy; it records the texts of every call.
 */
public final class HoldingEmbedder implements Embedder {

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    @Override
    public int dimension() {
        return 8;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        calls.add(List.copyOf(texts));
        if (texts.stream().anyMatch(t -> t.contains("HOLD"))) {
            held.countDown();
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the embedder");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            float[] vector = new float[8];
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                vector[i % 8] += bytes[i];
            }
            vector[0] += 1; // never all zero
            vectors.add(vector);
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(List.of(query.replace("HOLD", ""))).get(0);
    }

    @Override
    public String name() {
        return "holding-test-embedder";
    }

    /**
     * Waits until a call holding a {@code HOLD} text is in progress.
     *
     * @throws InterruptedException when interrupted
     */
    public void awaitHeld() throws InterruptedException {
        if (!held.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("nothing embedded a HOLD text");
        }
    }

    /** Lets held calls go on; later calls are not held. */
    public void release() {
        released.countDown();
    }

    /**
     * The texts of every call so far, in order.
     *
     * @return one list of texts per call
     */
    public List<List<String>> calls() {
        return List.copyOf(calls);
    }
}
