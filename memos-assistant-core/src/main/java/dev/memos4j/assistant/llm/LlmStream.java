package dev.memos4j.assistant.llm;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A streamed answer in flight. {@link #completion()} completes with the whole answer after a normal end,
 * exceptionally with an {@link LlmException} on failure, or with a {@link CancellationException} after
 * {@link #cancel()}. Closing the handle cancels a stream that is still running.
 */
public interface LlmStream extends AutoCloseable {

    /**
     * The outcome: the accumulated answer when the stream ended normally.
     *
     * @return the completion future
     */
    CompletableFuture<LlmResult> completion();

    /**
     * Stops the stream: the connection is aborted, no more deltas arrive and {@link #completion()} is
     * cancelled. Does nothing when the stream already ended.
     */
    void cancel();

    /** Cancels the stream if it is still running. */
    @Override
    default void close() {
        cancel();
    }

    /**
     * A handle over a completion future, for writing providers. {@link #cancel()} cancels the future
     * first (so the outcome is decided) and then runs {@code onCancel} to release the underlying resource.
     *
     * @param completion the future the provider completes
     * @param onCancel what aborts the work, e.g. closing a connection
     * @return the handle
     */
    static LlmStream of(CompletableFuture<LlmResult> completion, Runnable onCancel) {
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(onCancel, "onCancel");
        return new LlmStream() {
            @Override
            public CompletableFuture<LlmResult> completion() {
                return completion;
            }

            @Override
            public void cancel() {
                // cancel() also answers true when the future was cancelled before: only the first call aborts.
                if (!completion.isDone() && completion.cancel(false)) {
                    onCancel.run();
                }
            }
        };
    }
}
