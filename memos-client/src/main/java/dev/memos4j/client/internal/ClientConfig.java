package dev.memos4j.client.internal;

import dev.memos4j.client.MemosClientListener;
import dev.memos4j.client.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The resolved configuration of the HTTP client, produced by {@code MemosClientBuilder}. Its
 * {@link #toString()} never shows the API key.
 *
 * @param apiKey the API key
 * @param baseUri the base URL without trailing slash
 * @param connectTimeout connect timeout for a client-created {@link HttpClient}
 * @param timeout default per-attempt timeout
 * @param streamIdleTimeout longest silence inside a stream
 * @param retryPolicy default retry policy
 * @param executor executor for a client-created {@link HttpClient}
 * @param httpClient caller-supplied {@link HttpClient}
 * @param scheduler caller-supplied scheduler for retry waits and idle timeouts
 * @param clock clock for {@code Retry-After} dates
 * @param listener call listener
 * @param defaultHeaders headers sent with every request
 * @param responsesOnIoThread whether response handling runs on the HTTP client's I/O thread
 */
public record ClientConfig(
        String apiKey,
        URI baseUri,
        Duration connectTimeout,
        Duration timeout,
        Duration streamIdleTimeout,
        RetryPolicy retryPolicy,
        Optional<Executor> executor,
        Optional<HttpClient> httpClient,
        Optional<ScheduledExecutorService> scheduler,
        Clock clock,
        MemosClientListener listener,
        Map<String, String> defaultHeaders,
        boolean responsesOnIoThread) {

    @Override
    public String toString() {
        return "ClientConfig{apiKey=***, baseUri=" + baseUri + ", timeout=" + timeout + ", connectTimeout="
                + connectTimeout + ", streamIdleTimeout=" + streamIdleTimeout + ", retryPolicy=" + retryPolicy
                + ", defaultHeaders=" + defaultHeaders.keySet() + ", responsesOnIoThread=" + responsesOnIoThread
                + "}";
    }
}
