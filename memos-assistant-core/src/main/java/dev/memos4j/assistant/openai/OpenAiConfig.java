package dev.memos4j.assistant.openai;

import dev.memos4j.client.RetryPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The settings of one {@link OpenAiLlmProvider}, resolved from its builder: defaults filled in, the
 * endpoint derived, the HTTP client and scheduler chosen. Immutable; the key leaves it only in the
 * {@code Authorization} header the transport writes, never through {@link #toString()}.
 */
final class OpenAiConfig {

    static final String REDACTED = "<redacted>";
    /** Retry waits and stream idle checks of every provider that was given no scheduler. */
    static final ScheduledExecutorService SHARED_SCHEDULER = sharedScheduler();

    final String apiKey;
    final URI baseUrl;
    final URI endpoint;
    final String model;
    final Duration requestTimeout;
    final Duration streamIdleTimeout;
    final RetryPolicy retryPolicy;
    final HttpClient http;
    final ScheduledExecutorService retryScheduler;
    final String organization;
    final String project;
    final boolean includeStreamUsage;
    final boolean legacyMaxTokens;
    final Clock clock;

    OpenAiConfig(OpenAiLlmProvider.Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.endpoint = URI.create(stripSlash(b.baseUrl.toString()) + "/chat/completions");
        this.model = b.model;
        this.requestTimeout = b.requestTimeout;
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.retryPolicy = b.retryPolicy;
        this.http = b.httpClient != null ? b.httpClient : defaultClient(b);
        this.retryScheduler = b.retryScheduler != null ? b.retryScheduler : SHARED_SCHEDULER;
        this.organization = b.organization;
        this.project = b.project;
        this.includeStreamUsage = b.includeStreamUsage;
        this.legacyMaxTokens = b.legacyMaxTokens != null ? b.legacyMaxTokens : !isOpenAi(b.baseUrl);
        this.clock = b.clock;
    }

    /** The text with the API key replaced, for error bodies that echo it. */
    String redact(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, REDACTED);
    }

    @Override
    public String toString() {
        return "baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "<none>" : REDACTED)
                + ", requestTimeout=" + requestTimeout + ", streamIdleTimeout=" + streamIdleTimeout
                + ", retryPolicy=" + retryPolicy;
    }

    static RetryPolicy openAiRetryDefaults() {
        Set<Integer> statuses = new TreeSet<>(RetryPolicy.DEFAULT_RETRYABLE_STATUSES);
        statuses.add(409);
        return RetryPolicy.builder().retryableStatuses(statuses).build();
    }

    private static HttpClient defaultClient(OpenAiLlmProvider.Builder b) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                // h2c upgrade on plain http confuses some local servers; TLS negotiates HTTP/2 cleanly.
                .version(
                        "https".equals(b.baseUrl.getScheme())
                                ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1);
        if (b.executor != null) {
            client.executor(b.executor);
        }
        return client.build();
    }

    static boolean isOpenAi(URI url) {
        return "api.openai.com".equalsIgnoreCase(url.getHost());
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only IP literals are checked: resolving a name here would be a network call.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** One daemon thread for retry waits and stream idle checks; both are short tasks. */
    private static ScheduledExecutorService sharedScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "memos4j-llm-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
