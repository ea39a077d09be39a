package dev.memos4j.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a {@link MemosClientListener} hears about one attempt of one call. Headers are already redacted:
 * {@code Authorization} and other credential headers never appear in clear.
 *
 * @param method the HTTP method
 * @param path the endpoint path relative to the base URL, e.g. {@code search/memory}
 * @param attempt the attempt number, starting at 1
 * @param status the HTTP status, when a response arrived
 * @param latency time since the attempt was sent ({@link Duration#ZERO} for request events)
 * @param headers request headers (request events) or response headers (other events), redacted
 * @param error what went wrong (error and retry events)
 * @param retryDelay the wait before the next attempt (retry events)
 */
public record MemosCallEvent(
        String method,
        String path,
        int attempt,
        OptionalInt status,
        Duration latency,
        Map<String, List<String>> headers,
        Optional<Throwable> error,
        Optional<Duration> retryDelay) {

    /**
     * Normalises absent values.
     *
     * @param method the HTTP method
     * @param path the endpoint path relative to the base URL, e.g. {@code search/memory}
     * @param attempt the attempt number, starting at 1
     * @param status the HTTP status, when a response arrived
     * @param latency time since the attempt was sent ({@link Duration#ZERO} for request events)
     * @param headers request headers (request events) or response headers (other events), redacted
     * @param error what went wrong (error and retry events)
     * @param retryDelay the wait before the next attempt (retry events)
     */
    public MemosCallEvent {
        status = status == null ? OptionalInt.empty() : status;
        latency = latency == null ? Duration.ZERO : latency;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        error = error == null ? Optional.empty() : error;
        retryDelay = retryDelay == null ? Optional.empty() : retryDelay;
    }
}
