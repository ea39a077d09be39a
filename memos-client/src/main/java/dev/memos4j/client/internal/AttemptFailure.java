package dev.memos4j.client.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * One failed attempt, with what the retry logic needs to know about it. Never reaches the caller, who
 * sees {@link #error()}: the typed exception of the client or provider that made the attempt.
 */
@Internal
public final class AttemptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RuntimeException error;
    private final boolean retryable;
    private final boolean certainlyNotProcessed;
    private final transient Duration retryAfter;

    /**
     * A failed attempt.
     *
     * @param error the exception the caller sees if this is the last attempt
     * @param retryable whether another attempt may succeed (the policy's retryable statuses, I/O errors)
     * @param certainlyNotProcessed whether the server certainly did not act on the request, which makes
     *     repeating a creating call safe
     * @param retryAfter the wait the server asked for, or null
     */
    public AttemptFailure(
            RuntimeException error, boolean retryable, boolean certainlyNotProcessed, Duration retryAfter) {
        super(error.getMessage(), error, false, false);
        this.error = error;
        this.retryable = retryable;
        this.certainlyNotProcessed = certainlyNotProcessed;
        this.retryAfter = retryAfter;
    }

    /**
     * A failure no retry can help.
     *
     * @param error the exception the caller sees
     * @return the attempt failure
     */
    public static AttemptFailure fatal(RuntimeException error) {
        return new AttemptFailure(error, false, false, null);
    }

    /**
     * The exception the caller sees.
     *
     * @return the caller's exception
     */
    public RuntimeException error() {
        return error;
    }

    /**
     * Whether the failure is transient by the retry policy.
     *
     * @return whether another attempt may succeed
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether the service certainly did not act on the request (safe to repeat a creating call).
     *
     * @return whether repeating a creating call is safe
     */
    public boolean certainlyNotProcessed() {
        return certainlyNotProcessed;
    }

    /**
     * The wait the server asked for.
     *
     * @return the requested wait, if any
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
