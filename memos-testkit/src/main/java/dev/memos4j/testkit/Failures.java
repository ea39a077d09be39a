package dev.memos4j.testkit;

import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosIoException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * The failures a {@link FakeMemosClient} can inject, built as the HTTP client builds them, so that code
 * under test sees the same exception types ({@code MemosRateLimitException} for 429, {@code
 * MemosNotFoundException} for code 40001, and so on).
 */
public final class Failures {

    private Failures() {}

    /**
     * An HTTP error status without an envelope code, e.g. 503.
     *
     * @param status the HTTP status, 400..599
     * @return the exception the HTTP client throws for it
     */
    public static MemosServiceException status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be between 400 and 599 (was " + status + ")");
        }
        return MemosServiceException.of(status, null, "HTTP " + status + " (injected)", "fake-request", null, null);
    }

    /**
     * An error envelope in an HTTP 200 response, e.g. code 40300 (rate limited) or 50000 (server busy).
     *
     * @param code the envelope {@code code}; not 0 or 200, which mean success
     * @param message the envelope {@code message}
     * @return the exception the HTTP client throws for it
     */
    public static MemosServiceException envelopeCode(int code, String message) {
        if (code == 0 || code == 200) {
            throw new IllegalArgumentException("code " + code + " means success; give an error code");
        }
        return MemosServiceException.of(
                200, code, Objects.requireNonNull(message, "message"), "fake-request", null, null);
    }

    /**
     * HTTP 429 with a {@code Retry-After}.
     *
     * @param retryAfter the wait the service asks for
     * @return a {@code MemosRateLimitException}
     */
    public static MemosServiceException rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        return MemosServiceException.of(429, null, "rate limited (injected)", "fake-request", null, retryAfter);
    }

    /**
     * The connection failed (refused, reset).
     *
     * @return a {@code MemosIoException}
     */
    public static MemosException ioError() {
        return new MemosIoException("I/O error (injected)", new IOException("Connection reset"));
    }

    /**
     * No answer within the timeout.
     *
     * @return a {@code MemosTimeoutException}
     */
    public static MemosException timeout() {
        return new MemosTimeoutException("request timed out (injected)");
    }
}
