package dev.memos4j.client.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * One failed attempt, with what the retry logic needs to know about it. Never leaves the client: the
 * caller sees {@link #error()}.
 */
final class AttemptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RuntimeException error;
    private final boolean retryable;
    private final boolean certainlyNotProcessed;
    private final transient Duration retryAfter;

    AttemptFailure(RuntimeException error, boolean retryable, boolean certainlyNotProcessed, Duration retryAfter) {
        super(error.getMessage(), error, false, false);
        this.error = error;
        this.retryable = retryable;
        this.certainlyNotProcessed = certainlyNotProcessed;
        this.retryAfter = retryAfter;
    }

    static AttemptFailure fatal(RuntimeException error) {
        return new AttemptFailure(error, false, false, null);
    }

    /** The exception the caller sees. */
    RuntimeException error() {
        return error;
    }

    /** Whether the failure is transient by the retry policy. */
    boolean retryable() {
        return retryable;
    }

    /** Whether the service certainly did not act on the request (safe to repeat a creating call). */
    boolean certainlyNotProcessed() {
        return certainlyNotProcessed;
    }

    /** The wait the server asked for. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
