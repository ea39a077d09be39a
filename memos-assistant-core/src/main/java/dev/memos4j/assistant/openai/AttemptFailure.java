package dev.memos4j.assistant.openai;

import dev.memos4j.assistant.llm.LlmException;
import java.time.Duration;

/**
 * One failed attempt, with what the retry needs to know: whether another attempt may help, and how long
 * the server asked to wait. Never leaves the provider: the retry unwraps it to its {@link LlmException}.
 */
final class AttemptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LlmException failure;
    private final boolean retryable;
    private final transient Duration retryAfter;

    AttemptFailure(LlmException failure, boolean retryable, Duration retryAfter) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    LlmException failure() {
        return failure;
    }

    boolean retryable() {
        return retryable;
    }

    /** The server-requested wait, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
