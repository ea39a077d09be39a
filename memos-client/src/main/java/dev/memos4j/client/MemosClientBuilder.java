package dev.memos4j.client;

import dev.memos4j.client.internal.ClientConfig;
import dev.memos4j.client.internal.HttpMemosClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Configures and builds the HTTP {@link MemosClient}. Get one from {@link MemosClient#builder()}.
 *
 * <p>Values set here win over the environment. When {@link #environment(Function)} is given (as
 * {@link MemosClient#fromEnv()} does with {@link System#getenv(String)}), unset values come from
 * {@code MEMOS_API_KEY}, {@code MEMOS_BASE_URL} and {@code MEMOS_IS_GLOBAL}, resolved like the official
 * Python client: the global region is chosen if {@link #isGlobal(boolean)} <em>or</em>
 * {@code MEMOS_IS_GLOBAL} ({@code true}, {@code 1} or {@code yes}) says so; an explicit base URL beats both;
 * empty strings count as unset.
 *
 * <pre>{@code
 * MemosClient memos = MemosClient.builder()
 *         .apiKey("mpg-...")
 *         .isGlobal(true)
 *         .timeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the API key.
 */
public final class MemosClientBuilder {

    /** Base URL of the MemOS cloud in China, the default region. */
    public static final String CHINA_BASE_URL = "https://memos.memtensor.cn/api/openmem/v1";

    /** Base URL of the global MemOS cloud. */
    public static final String GLOBAL_BASE_URL = "https://api.memt.ai/platform/api/openmem/v1";

    /** Environment variable holding the API key. */
    public static final String ENV_API_KEY = "MEMOS_API_KEY";

    /** Environment variable holding the base URL. */
    public static final String ENV_BASE_URL = "MEMOS_BASE_URL";

    /** Environment variable selecting the global region ({@code true}, {@code 1} or {@code yes}). */
    public static final String ENV_IS_GLOBAL = "MEMOS_IS_GLOBAL";

    private static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes");

    private String apiKey;
    private String baseUrl;
    private boolean isGlobal;
    private Function<String, String> environment = name -> null;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(30);
    private Duration streamIdleTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Executor executor;
    private HttpClient httpClient;
    private ScheduledExecutorService scheduler;
    private boolean responsesOnIoThread;
    private Clock clock = Clock.systemUTC();
    private MemosClientListener listener = MemosClientListener.none();
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private boolean allowInsecureHttp;

    MemosClientBuilder() {}

    /**
     * The API key ({@code mpg-...}), sent as {@code Authorization: Token <key>}.
     *
     * @param apiKey the API key ({@code mpg-...}), sent as {@code Authorization: Token <key>}
     * @return this builder
     */
    public MemosClientBuilder apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    /**
     * The base URL, e.g. a self-hosted gateway; trailing slashes are removed.
     *
     * @param baseUrl the base URL, e.g
     * @return this builder
     */
    public MemosClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /**
     * Selects the global cloud ({@link #GLOBAL_BASE_URL}) unless a base URL is given.
     *
     * @param isGlobal selects the global cloud ({@link #GLOBAL_BASE_URL}) unless a base URL is given
     * @return this builder
     */
    public MemosClientBuilder isGlobal(boolean isGlobal) {
        this.isGlobal = isGlobal;
        return this;
    }

    /**
     * Where unset values are looked up by name ({@code MEMOS_API_KEY}, {@code MEMOS_BASE_URL},
     * {@code MEMOS_IS_GLOBAL}); for example {@code System::getenv} or {@code Map.of(...)::get}.
     * By default nothing is looked up.
     *
     * @param environment where unset values are looked up by name ({@code MEMOS_API_KEY}, {@code MEMOS_BASE_URL}, {@code MEMOS_IS_GLOBAL}); for example {@code System::getenv} or {@code Map.of(...)::get}
     * @return this builder
     */
    public MemosClientBuilder environment(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /**
     * The time allowed to open a connection (default 10 s).
     *
     * @param connectTimeout the time allowed to open a connection (default 10 s)
     * @return this builder
     */
    public MemosClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return this;
    }

    /**
     * The time allowed for one attempt, response headers and body (default 30 s). For a streaming chat it
     * bounds the wait for the headers only; {@link #streamIdleTimeout(Duration)} guards the stream.
     *
     * @param timeout the time allowed for one attempt
     * @return this builder
     */
    public MemosClientBuilder timeout(Duration timeout) {
        this.timeout = positive(timeout, "timeout");
        return this;
    }

    /**
     * The longest silence a streaming chat may have between two pieces of data (default 60 s).
     *
     * @param streamIdleTimeout the longest silence a streaming chat may have between two pieces of data (default 60 s)
     * @return this builder
     */
    public MemosClientBuilder streamIdleTimeout(Duration streamIdleTimeout) {
        this.streamIdleTimeout = positive(streamIdleTimeout, "streamIdleTimeout");
        return this;
    }

    /**
     * Which failures are retried and how (default {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy which failures are retried and how (default {@link RetryPolicy#defaults()})
     * @return this builder
     */
    public MemosClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /**
     * The executor of the {@link HttpClient} the builder creates; it runs response handling and listener
     * callbacks. The caller keeps ownership. Ignored when {@link #httpClient(HttpClient)} is given.
     *
     * @param executor the executor of the {@link HttpClient} the builder creates; it runs response handling and listener callbacks
     * @return this builder
     */
    public MemosClientBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * Handles responses on the HTTP client's I/O thread instead of handing each one to the client's pool:
     * one thread hand-off less per call (tens of microseconds on a busy machine). Decoding, listener
     * events, chat-stream events and every callback attached to a returned future without an executor of
     * its own (for example {@code thenApply}) then run on that one I/O thread, which all calls of this
     * client share. Such code must return quickly and never block: no {@code join()} or {@code get()}, no
     * {@link MemosClient#blocking()} call, no blocking I/O, no long computation. A callback that blocks
     * stalls every call of the client, and one that waits for another call of the same client never
     * returns. Move such work elsewhere with the {@code *Async(fn, executor)} variants. Off by default; it
     * cannot be combined with {@link #executor(Executor)} or {@link #httpClient(HttpClient)}.
     *
     * @param responsesOnIoThread whether response handling runs on the HTTP client's I/O thread
     * @return this builder
     */
    public MemosClientBuilder handleResponsesOnIoThread(boolean responsesOnIoThread) {
        this.responsesOnIoThread = responsesOnIoThread;
        return this;
    }

    /**
     * A caller-supplied {@link HttpClient} (proxy, TLS, HTTP version of your choice). The caller keeps
     * ownership; {@link #connectTimeout(Duration)} and {@link #executor(Executor)} then do not apply.
     *
     * @param httpClient a caller-supplied {@link HttpClient} (proxy, TLS, HTTP version of your choice)
     * @return this builder
     */
    public MemosClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /**
     * The scheduler that runs retry waits (tests inject one that records the waits). The caller keeps
     * ownership. By default waits run on the client's own timer thread, which also runs all timeouts and is
     * stopped by {@link MemosClient#close()}. A lent scheduler also runs the release of finished chat streams:
     * stop it with {@code shutdown()}, not {@code shutdownNow()}, which would drop a release still queued and
     * keep that stream's connection open.
     *
     * @param scheduler the scheduler that runs retry waits (tests inject one that records the waits)
     * @return this builder
     */
    public MemosClientBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * The clock used to read {@code Retry-After} dates (default: the system clock).
     *
     * @param clock the clock used to read {@code Retry-After} dates (default: the system clock)
     * @return this builder
     */
    public MemosClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Hears requests, responses, errors and retries.
     *
     * @param listener hears every request, response, error and retry
     * @return this builder
     */
    public MemosClientBuilder listener(MemosClientListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * A header sent with every request; it cannot replace {@code Authorization}.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     */
    public MemosClientBuilder defaultHeader(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        if (name.equalsIgnoreCase("Authorization")) {
            throw new IllegalArgumentException("headers must not set Authorization; configure the API key instead");
        }
        defaultHeaders.put(name, value);
        return this;
    }

    /**
     * Allows a plain {@code http://} base URL to a host other than this machine. Off by default, since the
     * API key would travel unencrypted; loopback hosts ({@code localhost}, 127.0.0.0/8, ::1) are always
     * allowed.
     *
     * @param allowInsecureHttp allows a plain {@code http://} base URL to a host other than this machine
     * @return this builder
     */
    public MemosClientBuilder allowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
        return this;
    }

    /**
     * Resolves the configuration and builds the client.
     *
     * @return the new {@link MemosClient}
     * @throws IllegalStateException if no API key is configured, or {@link #handleResponsesOnIoThread(boolean)}
     *     is combined with {@link #executor(Executor)} or {@link #httpClient(HttpClient)}
     * @throws IllegalArgumentException if the base URL is malformed, or plain http to a remote host
     */
    public MemosClient build() {
        return new HttpMemosClient(resolve());
    }

    ClientConfig resolve() {
        String key = firstText(apiKey, environment.apply(ENV_API_KEY))
                .orElseThrow(() -> new IllegalStateException("MemOS API key is required: set the " + ENV_API_KEY
                        + " environment variable or call apiKey(...) on the builder"));
        boolean global = isGlobal
                || TRUE_VALUES.contains(Optional.ofNullable(environment.apply(ENV_IS_GLOBAL))
                        .orElse("false")
                        .trim()
                        .toLowerCase(Locale.ROOT));
        String url =
                firstText(baseUrl, environment.apply(ENV_BASE_URL)).orElse(global ? GLOBAL_BASE_URL : CHINA_BASE_URL);
        URI base = checkedBaseUri(url, allowInsecureHttp);
        if (responsesOnIoThread && (executor != null || httpClient != null)) {
            throw new IllegalStateException("handleResponsesOnIoThread(true) cannot be combined with "
                    + (executor != null ? "executor(...)" : "httpClient(...)")
                    + ": it chooses the HttpClient's executor itself");
        }
        return new ClientConfig(
                key,
                base,
                connectTimeout,
                timeout,
                streamIdleTimeout,
                retryPolicy,
                Optional.ofNullable(executor),
                Optional.ofNullable(httpClient),
                Optional.ofNullable(scheduler),
                clock,
                listener,
                Map.copyOf(defaultHeaders),
                responsesOnIoThread);
    }

    static URI checkedBaseUri(String url, boolean allowInsecureHttp) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base_url is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("base_url must be an absolute http(s) URL (was " + trimmed + ")");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("base_url uses plain http to " + uri.getHost()
                    + ", which would send the API key unencrypted; use https, or allowInsecureHttp(true) if you must");
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static Optional<String> firstText(String first, String second) {
        if (first != null && !first.isBlank()) {
            return Optional.of(first.trim());
        }
        if (second != null && !second.isBlank()) {
            return Optional.of(second.trim());
        }
        return Optional.empty();
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive (was " + value + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        return "MemosClientBuilder{apiKey=" + (apiKey == null ? "unset" : "***") + ", baseUrl=" + baseUrl
                + ", isGlobal=" + isGlobal + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", streamIdleTimeout=" + streamIdleTimeout + ", retryPolicy=" + retryPolicy
                + ", defaultHeaders=" + defaultHeaders.keySet() + ", allowInsecureHttp=" + allowInsecureHttp + "}";
    }
}
