package dev.memos4j.client.errors;

import java.time.Duration;
import java.util.Optional;

/** Too many calls (HTTP 429, code 40300). Retried after {@link #retryAfter()} when the server says. */
public class MemosRateLimitException extends MemosServiceException {

    private static final long serialVersionUID = 1L;

    /** The server's {@code Retry-After}, or null. */
    private final Duration retryAfter;

    /**
     * A rate-limit failure.
     *
     * @param statusCode the HTTP status
     * @param errorCode the envelope code, or null
     * @param serviceMessage the service's message
     * @param requestId the request id, or null
     * @param rawBody the raw body, or null
     * @param retryAfter how long the server asked to wait, or null
     */
    public MemosRateLimitException(
            int statusCode,
            Integer errorCode,
            String serviceMessage,
            String requestId,
            String rawBody,
            Duration retryAfter) {
        super(statusCode, errorCode, serviceMessage, requestId, rawBody);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the server asked to wait before the next call ({@code Retry-After}), if it said.
     *
     * @return how long the server asked to wait before the next call ({@code Retry-After}), if it said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
