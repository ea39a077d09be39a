package dev.memos4j.client;

import java.util.concurrent.CompletableFuture;

/**
 * A running streaming {@code chat}. Events go to the {@link ChatEventListener}; {@link #completion()}
 * completes with the full answer text once the stream ends normally, or exceptionally with a
 * {@link dev.memos4j.client.errors.MemosStreamException} (error event, truncated stream), a
 * {@link dev.memos4j.client.errors.MemosTimeoutException} (idle timeout) or a service exception.
 * {@link #close()} aborts the connection.
 *
 * <pre>{@code
 * ChatStream stream = memos.chatStream(request, event -> {
 *     if (event.isText()) {
 *         System.out.print(event.data());
 *     }
 * });
 * String answer = stream.completion().join();
 * }</pre>
 */
public interface ChatStream extends AutoCloseable {

    /**
     * The accumulated answer ({@code text} events joined), when the stream completes.
     *
     * @return a future completing with the whole answer text, or failing as described on this interface
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
