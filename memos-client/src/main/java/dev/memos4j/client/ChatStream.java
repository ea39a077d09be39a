package dev.memos4j.client;

import java.util.concurrent.CompletableFuture;

/**
 * A running streaming {@code chat}. Events go to the {@link ChatEventListener}; {@link #completion()}
 * completes with the full answer text once the stream ends normally, or exceptionally with a
 * {@link dev.memos4j.client.errors.MemosStreamException} (error event, truncated stream), a
 * {@link dev.memos4j.client.errors.MemosTimeoutException} (idle timeout) or a service exception.
 * {@link #close()} aborts the connection.
 */
public interface ChatStream extends AutoCloseable {

    /**
     * The accumulated answer ({@code text} events joined), when the stream completes.
     *
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<String> completion();

    /** Aborts the stream and its connection; {@link #completion()} completes exceptionally. */
    void cancel();

    /** Same as {@link #cancel()}; harmless after the stream completed. */
    @Override
    default void close() {
        cancel();
    }
}
