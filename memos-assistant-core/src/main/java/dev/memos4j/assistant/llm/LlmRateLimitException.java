package dev.memos4j.assistant.llm;

import java.time.Duration;
import java.util.Optional;

/** Too many requests (429). {@link #retryAfter()} says how long the server asked to wait, when it did. */
public class LlmRateLimitException extends LlmServiceException {

    private static final long serialVersionUID = 1L;

    /** The requested wait, or null. */
    private final Duration retryAfter;

    /**
     * The failure.
     *
     * @param serviceMessage the error message
     * @param type the error type, or null
     * @param code the error code, or null
     * @param param the offending field, or null
     * @param requestId the request id, or null
     * @param rawBody the raw body, or null
     * @param retryAfter how long to wait, or null
     */
    public LlmRateLimitException(
            String serviceMessage,
            String type,
            String code,
            String param,
            String requestId,
            String rawBody,
            Duration retryAfter) {
        super(429, serviceMessage, type, code, param, requestId, rawBody);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the server asked to wait ({@code Retry-After-Ms} or {@code Retry-After}).
     *
     * @return the wait
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
