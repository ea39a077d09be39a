package dev.memos4j.assistant.openai;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link OpenAiLlmProvider} retries: up to {@code maxRetries} more attempts after a failure that may
 * pass (I/O errors, timeouts, 408, 409, 429 except {@code insufficient_quota}, 5xx). The wait is what the
 * server asked for ({@code Retry-After-Ms}, then {@code Retry-After} in seconds or as an HTTP date, up to
 * {@code maxRetryAfter}); otherwise {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, less
 * up to {@code jitter} of it at random. A stream is retried only while nothing of it reached the caller.
 *
 * @param maxRetries retries after the first attempt, 0 for none
 * @param initialBackoff the first wait
 * @param maxBackoff the longest computed wait
 * @param jitter the random fraction taken off each computed wait, 0..1
 * @param maxRetryAfter the longest server-requested wait honoured; longer requests use the backoff
 */
public record OpenAiRetryPolicy(
        int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter, Duration maxRetryAfter) {

    /**
     * Validates the values, naming the field at fault.
     *
     * @param maxRetries retries after the first attempt, 0 for none
     * @param initialBackoff the first wait
     * @param maxBackoff the longest computed wait
     * @param jitter the random fraction taken off each computed wait, 0..1
     * @param maxRetryAfter the longest server-requested wait honoured; longer requests use the backoff
     */
    public OpenAiRetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /**
     * The defaults of the official OpenAI SDKs: 2 retries, 0.5 s doubling to at most 8 s, 25 % jitter,
     * server requests honoured up to 60 s.
     *
     * @return the default policy
     */
    public static OpenAiRetryPolicy defaults() {
        return new OpenAiRetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25, Duration.ofSeconds(60));
    }

    /**
     * No retries.
     *
     * @return the policy
     */
    public static OpenAiRetryPolicy none() {
        return new OpenAiRetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    }

    /**
     * The same policy with another number of retries.
     *
     * @param maxRetries retries after the first attempt
     * @return the policy
     */
    public OpenAiRetryPolicy withMaxRetries(int maxRetries) {
        return new OpenAiRetryPolicy(maxRetries, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }
}
