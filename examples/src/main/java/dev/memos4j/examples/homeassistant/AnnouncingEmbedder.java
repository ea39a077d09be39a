package dev.memos4j.examples.homeassistant;

import dev.memos4j.local.Embedder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps the local embedder to say on screen, once, that the model is loading: the model loads lazily on
 * the first search or add, which makes that first call visibly slower than the rest.
 */
final class AnnouncingEmbedder implements Embedder {

    private final Embedder delegate;
    private final Runnable announcement;
    private final AtomicBoolean announced = new AtomicBoolean();

    AnnouncingEmbedder(Embedder delegate, Runnable announcement) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.announcement = Objects.requireNonNull(announcement, "announcement");
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        announceOnce();
        return delegate.embed(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        announceOnce();
        return delegate.embedQuery(query);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean enabled() {
        return delegate.enabled();
    }

    private void announceOnce() {
        if (announced.compareAndSet(false, true)) {
            announcement.run();
        }
    }
}
