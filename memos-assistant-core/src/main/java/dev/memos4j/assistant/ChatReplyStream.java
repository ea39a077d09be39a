package dev.memos4j.assistant;

import dev.memos4j.assistant.llm.LlmStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A streamed chat turn in flight. Deltas go to the listener given to
 * {@link MemoryAugmentedChat#chatStream}; {@link #reply()} completes with the same {@link ChatReply} as
 * a non-streamed turn once the answer is complete. {@link #cancel()} aborts the LLM stream and stores
 * nothing.
 */
public final class ChatReplyStream implements AutoCloseable {

    private enum State {
        RUNNING,
        FINISHED,
        CANCELLED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final AtomicReference<LlmStream> llmStream = new AtomicReference<>();
    private final CompletableFuture<ChatReply> reply = new CompletableFuture<>();

    ChatReplyStream() {}

    /**
     * The reply, once the whole answer is there; cancelled after {@link #cancel()}; failed when the
     * turn failed.
     *
     * @return the reply future
     */
    public CompletableFuture<ChatReply> reply() {
        return reply;
    }

    /**
     * Stops the turn if its answer is not complete yet: the LLM stream is aborted (or never started), the
     * reply is cancelled and nothing is stored. Does nothing once the answer is complete.
     */
    public void cancel() {
        if (state.compareAndSet(State.RUNNING, State.CANCELLED)) {
            LlmStream stream = llmStream.get();
            if (stream != null) {
                stream.cancel();
            }
            reply.completeExceptionally(new CancellationException("chat turn cancelled"));
        }
    }

    /**
     * Whether {@link #cancel()} stopped the turn.
     *
     * @return true when cancelled
     */
    public boolean isCancelled() {
        return state.get() == State.CANCELLED;
    }

    /** Cancels the turn if it is still running. */
    @Override
    public void close() {
        cancel();
    }

    /** Attaches the LLM stream; cancels it at once when the turn was cancelled meanwhile. */
    void attach(LlmStream stream) {
        llmStream.set(stream);
        if (isCancelled()) {
            stream.cancel();
        }
    }

    /** Marks the answer complete; false when the turn was cancelled first, so nothing may be stored. */
    boolean finish() {
        return state.compareAndSet(State.RUNNING, State.FINISHED);
    }
}
