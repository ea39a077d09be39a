package dev.memos4j.assistant.openai;

import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmIoException;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmServiceException;
import dev.memos4j.assistant.llm.LlmStream;
import dev.memos4j.assistant.llm.LlmTimeoutException;
import dev.memos4j.assistant.llm.StreamListener;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.internal.AttemptFailure;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.internal.RetryAfter;
import dev.memos4j.client.internal.RetryingCall;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LlmProvider} for the OpenAI Chat Completions API ({@code POST {baseUrl}/chat/completions}) on
 * {@code java.net.http}, for OpenAI and any compatible server: Ollama, vLLM, DeepSeek, LM Studio,
 * gateways. Only the fields that are set are sent, never JSON nulls.
 *
 * <pre>{@code
 * LlmProvider openai = OpenAiLlmProvider.fromEnv();               // OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL
 * LlmProvider ollama = OpenAiLlmProvider.builder()
 *     .baseUrl("http://localhost:11434/v1")
 *     .model("llama3.2")
 *     .build();
 * }</pre>
 *
 * <p><b>Failures</b> arrive as {@link LlmException} subclasses: per HTTP status (see
 * {@link LlmServiceException#of}), {@link LlmIoException}, {@link LlmTimeoutException}, and
 * {@code LlmStreamException} for a stream that breaks after it started.
 *
 * <p><b>Retries</b> follow a {@link RetryPolicy}, the same type and engine as the MemOS client's
 * (default {@link #defaultRetryPolicy()}): I/O errors, timeouts and the policy's retryable statuses (408,
 * 409, 429 and 5xx by default; never a 429 for {@code insufficient_quota}) are retried, honouring
 * {@code X-Should-Retry}, {@code Retry-After-Ms} and {@code Retry-After}. A completion is a read-only call for the server, so retrying it is safe; a
 * stream is retried only until its response starts, never after any text reached the caller.
 *
 * <p><b>Timeouts:</b> {@code requestTimeout} bounds one attempt of a completion, headers and body, and the
 * wait for the response headers of a stream; a stream then has its own {@code streamIdleTimeout}, the
 * longest silence allowed between two lines.
 *
 * <p><b>Security:</b> the API key is sent only in the {@code Authorization} header. It never appears in
 * {@link #toString()}, logs or exception messages (error bodies are scrubbed of it). Plain {@code http://}
 * is refused for hosts other than loopback unless {@link Builder#allowInsecureHttp(boolean)} is set.
 */
public final class OpenAiLlmProvider implements LlmProvider {

    /** The OpenAI API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The model used when neither the request nor the configuration names one. */
    public static final String DEFAULT_MODEL = "gpt-4o";

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiLlmProvider.class);
    private static final String REDACTED = "<redacted>";
    private static final RetryPolicy DEFAULT_RETRY_POLICY = openAiDefaults();

    private final String apiKey;
    private final URI baseUrl;
    private final URI endpoint;
    private final String model;
    private final Duration requestTimeout;
    private final Duration streamIdleTimeout;
    private final RetryPolicy retryPolicy;
    private final HttpClient http;
    private final ScheduledExecutorService retryScheduler;
    private final String organization;
    private final String project;
    private final boolean includeStreamUsage;
    private final boolean legacyMaxTokens;
    private final Clock clock;

    private OpenAiLlmProvider(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.endpoint = URI.create(stripSlash(b.baseUrl.toString()) + "/chat/completions");
        this.model = b.model;
        this.requestTimeout = b.requestTimeout;
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.retryPolicy = b.retryPolicy;
        this.http = b.httpClient != null ? b.httpClient : defaultClient(b);
        this.retryScheduler = b.retryScheduler != null ? b.retryScheduler : SharedScheduler.INSTANCE;
        this.organization = b.organization;
        this.project = b.project;
        this.includeStreamUsage = b.includeStreamUsage;
        this.legacyMaxTokens = b.legacyMaxTokens != null ? b.legacyMaxTokens : !isOpenAi(b.baseUrl);
        this.clock = b.clock;
    }

    /**
     * A provider configured from the process environment: {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}
     * (default {@value #DEFAULT_BASE_URL}), {@code OPENAI_MODEL} (default {@value #DEFAULT_MODEL}).
     *
     * @return the provider
     * @throws IllegalStateException when {@code OPENAI_API_KEY} is missing for the OpenAI API
     */
    public static OpenAiLlmProvider fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * A provider configured from the given environment, e.g. for tests.
     *
     * @param env the variables
     * @return the provider
     * @throws IllegalStateException when {@code OPENAI_API_KEY} is missing for the OpenAI API
     */
    public static OpenAiLlmProvider fromEnv(Map<String, String> env) {
        return builderFromEnv(env).build();
    }

    /**
     * A builder preset from the given environment, to adjust before building.
     *
     * @param env the variables ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL})
     * @return the builder
     * @throws IllegalStateException when {@code OPENAI_API_KEY} is missing for the OpenAI API
     */
    public static Builder builderFromEnv(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        Builder b = builder();
        String key = blankToNull(env.get("OPENAI_API_KEY"));
        String url = blankToNull(env.get("OPENAI_BASE_URL"));
        String model = blankToNull(env.get("OPENAI_MODEL"));
        if (url != null) {
            b.baseUrl(url);
        }
        if (model != null) {
            b.model(model);
        }
        if (key != null) {
            b.apiKey(key);
        } else if (isOpenAi(b.baseUrl)) {
            throw new IllegalStateException("OPENAI_API_KEY is not set (required for " + b.baseUrl + ")");
        }
        return b;
    }

    /**
     * A new builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The retry policy a provider uses unless told otherwise: {@link RetryPolicy#defaults()} (3 attempts,
     * 0.5 s doubling to at most 8 s, &plusmn;20% jitter, {@code Retry-After} honoured up to 60 s) with 409
     * added to the retryable statuses, as the official OpenAI SDKs retry it.
     *
     * @return the default policy
     */
    public static RetryPolicy defaultRetryPolicy() {
        return DEFAULT_RETRY_POLICY;
    }

    /**
     * The default model.
     *
     * @return the model name
     */
    public String model() {
        return model;
    }

    /**
     * The base URL.
     *
     * @return the base URL, e.g. {@value #DEFAULT_BASE_URL}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String name() {
        return "openai:" + model;
    }

    @Override
    public String toString() {
        return "OpenAiLlmProvider{baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "<none>" : REDACTED) + ", requestTimeout=" + requestTimeout
                + ", streamIdleTimeout=" + streamIdleTimeout + ", retryPolicy=" + retryPolicy + "}";
    }

    // ---- one answer ----

    @Override
    public CompletableFuture<LlmResult> complete(LlmRequest request) {
        Objects.requireNonNull(request, "request");
        String body = OpenAiWire.requestBody(request, model, false, false, legacyMaxTokens);
        return RetryingCall.run(
                "openai-chat-completions",
                retryPolicy,
                retryPolicy.maxAttempts(),
                false,
                retryScheduler,
                (attempt, onSend) -> completeOnce(body, attempt, onSend),
                this::logRetry);
    }

    private CompletableFuture<LlmResult> completeOnce(String body, int attempt, Consumer<Future<?>> onSend) {
        HttpRequest httpRequest = httpRequest(body, false);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> send =
                http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        onSend.accept(send);
        // The request's own timeout covers only the headers: a body that trickles in must not hold the
        // turn, so the whole attempt gets the same bound and is aborted when it passes.
        CompletableFuture<HttpResponse<String>> bounded =
                send.copy().orTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        bounded.whenComplete((response, error) -> {
            if (error instanceof TimeoutException) {
                send.cancel(true);
            }
        });
        return bounded.handle((response, error) -> {
            if (error instanceof TimeoutException) {
                logAttempt(-1, start, attempt);
                throw new AttemptFailure(
                        new LlmTimeoutException(
                                "no complete response within " + requestTimeout.toMillis() + " ms", error),
                        retryPolicy.retryIoErrors(),
                        false,
                        null);
            }
            if (error != null) {
                logAttempt(-1, start, attempt);
                throw new AttemptFailure(transportFailure(error), retryPolicy.retryIoErrors(), false, null);
            }
            logAttempt(response.statusCode(), start, attempt);
            String requestId = response.headers().firstValue("x-request-id").orElse(null);
            if (response.statusCode() / 100 == 2) {
                try {
                    return OpenAiWire.parseCompletion(response.body(), requestId);
                } catch (LlmException e) {
                    throw AttemptFailure.fatal(e);
                }
            }
            throw failure(response.statusCode(), response.body(), response.headers());
        });
    }

    // ---- streamed answer ----

    @Override
    public LlmStream stream(LlmRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        String body = OpenAiWire.requestBody(request, model, true, includeStreamUsage, legacyMaxTokens);
        CompletableFuture<LlmResult> completion = new CompletableFuture<>();
        AtomicReference<Future<?>> inFlight = new AtomicReference<>();
        AtomicReference<SseChatSubscriber> reading = new AtomicReference<>();
        // The retried unit ends when the response headers arrive: once the body flows, nothing is retried.
        CompletableFuture<Void> opened = RetryingCall.run(
                "openai-chat-completions-stream",
                retryPolicy,
                retryPolicy.maxAttempts(),
                false,
                retryScheduler,
                (attempt, onSend) -> openStream(body, listener, completion, reading, attempt, exchange -> {
                    inFlight.set(exchange);
                    onSend.accept(exchange);
                }),
                this::logRetry);
        opened.whenComplete((ignored, error) -> {
            if (error != null) {
                completion.completeExceptionally(error);
            }
        });
        return LlmStream.of(completion, () -> {
            opened.cancel(true); // no attempt after this one
            SseChatSubscriber subscriber = reading.get();
            if (subscriber != null) {
                subscriber.cancel();
            }
            Future<?> send = inFlight.get();
            if (send != null) {
                send.cancel(true);
            }
        });
    }

    private CompletableFuture<Void> openStream(
            String body,
            StreamListener listener,
            CompletableFuture<LlmResult> completion,
            AtomicReference<SseChatSubscriber> reading,
            int attempt,
            Consumer<Future<?>> onSend) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        SseChatSubscriber subscriber =
                new SseChatSubscriber(listener, completion, streamIdleTimeout, SharedScheduler.INSTANCE, this::redact);
        long start = System.nanoTime();
        HttpResponse.BodyHandler<String> handler = info -> {
            logAttempt(info.statusCode(), start, attempt);
            if (info.statusCode() / 100 == 2) {
                subscriber.requestId(info.headers().firstValue("x-request-id").orElse(null));
                reading.set(subscriber);
                opened.complete(null);
                return HttpResponse.BodySubscribers.fromLineSubscriber(
                        subscriber, s -> (String) null, StandardCharsets.UTF_8, null);
            }
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
        CompletableFuture<HttpResponse<String>> send = http.sendAsync(httpRequest(body, true), handler);
        onSend.accept(send);
        send.whenComplete((response, error) -> {
            if (error != null) {
                LlmException failure = transportFailure(error);
                if (!opened.completeExceptionally(
                        new AttemptFailure(failure, retryPolicy.retryIoErrors(), false, null))) {
                    completion.completeExceptionally(failure); // broke mid-body: not retried
                }
            } else if (response.statusCode() / 100 != 2) {
                opened.completeExceptionally(failure(response.statusCode(), response.body(), response.headers()));
            }
        });
        return opened;
    }

    // ---- HTTP and retry glue ----

    private HttpRequest httpRequest(String body, boolean stream) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (organization != null) {
            b.header("OpenAI-Organization", organization);
        }
        if (project != null) {
            b.header("OpenAI-Project", project);
        }
        return b.build();
    }

    private AttemptFailure failure(int status, String rawBody, HttpHeaders headers) {
        String requestId = headers.firstValue("x-request-id").orElse(null);
        Duration retryAfter = RetryAfter.fromHeaders(headers, clock).orElse(null);
        LlmServiceException failure = OpenAiWire.error(status, redact(rawBody), requestId, retryAfter);
        boolean retryable = retryPolicy.retryableStatuses().contains(status)
                && !"insufficient_quota"
                        .equals(failure.code().orElse(failure.type().orElse(null)));
        Optional<String> shouldRetry = headers.firstValue("x-should-retry");
        if (shouldRetry.isPresent()) {
            retryable = shouldRetry.get().trim().equalsIgnoreCase("true");
        }
        if (LOG.isDebugEnabled()) {
            headers.map().forEach((name, values) -> {
                if (name.toLowerCase(Locale.ROOT).startsWith("x-ratelimit-")) {
                    LOG.debug("{}: {}", name, values);
                }
            });
        }
        return new AttemptFailure(failure, retryable, false, retryAfter);
    }

    private void logRetry(int nextAttempt, AttemptFailure failure, Duration wait) {
        LOG.debug(
                "Retrying {} in {} ms (attempt {} failed: {})",
                endpoint.getPath(),
                wait.toMillis(),
                nextAttempt - 1,
                failure.getMessage());
    }

    private void logAttempt(int status, long startNanos, int attempt) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "POST {} -> {} in {} ms (attempt {})",
                    endpoint.getPath(),
                    status < 0 ? "I/O error" : status,
                    (System.nanoTime() - startNanos) / 1_000_000,
                    attempt);
        }
    }

    private String redact(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, REDACTED);
    }

    /** Maps a transport failure of {@code java.net.http} to the provider's exception. */
    static LlmException transportFailure(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof LlmException llm) {
            return llm;
        }
        if (cause instanceof HttpTimeoutException) {
            return new LlmTimeoutException("no response headers in time: " + cause.getMessage(), cause);
        }
        if (cause instanceof CancellationException) {
            return new LlmException("the request was cancelled", cause);
        }
        if (cause instanceof IOException) {
            return new LlmIoException("I/O error talking to the LLM server: " + cause, cause);
        }
        return new LlmException("the request failed: " + cause, cause);
    }

    private static RetryPolicy openAiDefaults() {
        Set<Integer> statuses = new TreeSet<>(RetryPolicy.DEFAULT_RETRYABLE_STATUSES);
        statuses.add(409);
        return RetryPolicy.builder().retryableStatuses(statuses).build();
    }

    private static HttpClient defaultClient(Builder b) {
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

    private static boolean isOpenAi(URI url) {
        return "api.openai.com".equalsIgnoreCase(url.getHost());
    }

    private static boolean isLoopback(String host) {
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** One daemon thread for retry waits and stream idle checks; both are short tasks. */
    private static final class SharedScheduler {
        static final ScheduledExecutorService INSTANCE = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread t = new Thread(runnable, "memos4j-llm-scheduler");
                t.setDaemon(true);
                return t;
            });
            scheduler.setRemoveOnCancelPolicy(true);
            return scheduler;
        }
    }

    /** Builds an {@link OpenAiLlmProvider}; every setting has a default except where noted. */
    public static final class Builder {
        private String apiKey;
        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private String model = DEFAULT_MODEL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration streamIdleTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = DEFAULT_RETRY_POLICY;
        private HttpClient httpClient;
        private Executor executor;
        private ScheduledExecutorService retryScheduler;
        private String organization;
        private String project;
        private boolean allowInsecureHttp;
        private boolean includeStreamUsage = true;
        private Boolean legacyMaxTokens;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The API key, sent as {@code Authorization: Bearer}. Required for the OpenAI API; optional for
         * servers that need none (e.g. a local Ollama).
         *
         * @param apiKey the key, not blank
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey.trim();
            return this;
        }

        /**
         * The API base URL; {@code /chat/completions} is appended.
         *
         * @param baseUrl e.g. {@code https://api.deepseek.com/v1} or {@code http://localhost:11434/v1}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + baseUrl);
            }
            this.baseUrl = uri;
            return this;
        }

        /**
         * The default model, used when a request names none.
         *
         * @param model e.g. {@code gpt-4o-mini}
         * @return this builder
         */
        public Builder model(String model) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            this.model = model.trim();
            return this;
        }

        /**
         * How long connecting may take (default 10 s). Ignored with {@link #httpClient(HttpClient)}.
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long one attempt may take (default 60 s): the whole response of a completion, the response
         * headers of a stream.
         *
         * @param requestTimeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * The longest silence allowed inside a stream (default 30 s).
         *
         * @param streamIdleTimeout positive
         * @return this builder
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = positive(streamIdleTimeout, "streamIdleTimeout");
            return this;
        }

        /**
         * How failures are retried (default {@link OpenAiLlmProvider#defaultRetryPolicy()}): the same
         * {@link RetryPolicy} type the MemOS client takes. Its attempts, backoff, jitter,
         * {@code maxRetryAfter}, {@code retryIoErrors} and retryable statuses apply; envelope codes do not
         * exist here and are ignored.
         *
         * <pre>{@code
         * OpenAiLlmProvider.builder()
         *     .retryPolicy(OpenAiLlmProvider.defaultRetryPolicy().toBuilder().maxAttempts(4).build())
         * }</pre>
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The HTTP client to use instead of a new one (share one across providers; tests inject one).
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The executor of the HTTP client this builder creates, where responses and stream deltas are
         * handled. Ignored with {@link #httpClient(HttpClient)}.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Where retry waits are scheduled (default: one shared daemon thread). Tests inject a scheduler
         * that runs at once and records the requested delays.
         *
         * @param retryScheduler the scheduler
         * @return this builder
         */
        public Builder retryScheduler(ScheduledExecutorService retryScheduler) {
            this.retryScheduler = Objects.requireNonNull(retryScheduler, "retryScheduler");
            return this;
        }

        /**
         * The {@code OpenAI-Organization} header.
         *
         * @param organization the organization id
         * @return this builder
         */
        public Builder organization(String organization) {
            this.organization = Objects.requireNonNull(organization, "organization");
            return this;
        }

        /**
         * The {@code OpenAI-Project} header.
         *
         * @param project the project id
         * @return this builder
         */
        public Builder project(String project) {
            this.project = Objects.requireNonNull(project, "project");
            return this;
        }

        /**
         * Allows plain {@code http://} to hosts other than loopback, e.g. a model server on a trusted LAN.
         * The key then travels unencrypted.
         *
         * @param allow true to allow
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Whether streams ask for token usage ({@code stream_options.include_usage}, default true). Turn
         * it off for servers that reject {@code stream_options}.
         *
         * @param include true to ask
         * @return this builder
         */
        public Builder includeStreamUsage(boolean include) {
            this.includeStreamUsage = include;
            return this;
        }

        /**
         * Whether the token limit is sent as {@code max_tokens} (understood by most compatible servers)
         * rather than {@code max_completion_tokens} (OpenAI's current name). Default: the legacy name for
         * every server except {@code api.openai.com}.
         *
         * @param legacy true for {@code max_tokens}
         * @return this builder
         */
        public Builder legacyMaxTokens(boolean legacy) {
            this.legacyMaxTokens = legacy;
            return this;
        }

        /**
         * The clock that dates {@code Retry-After} HTTP dates are measured against.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The provider.
         *
         * @return the provider
         * @throws IllegalArgumentException when the key is missing for the OpenAI API, or plain http is
         *     used for a remote host without {@link #allowInsecureHttp(boolean)}
         */
        public OpenAiLlmProvider build() {
            if (apiKey == null && isOpenAi(baseUrl)) {
                throw new IllegalArgumentException("apiKey is required for " + baseUrl);
            }
            if ("http".equalsIgnoreCase(baseUrl.getScheme()) && !allowInsecureHttp && !isLoopback(baseUrl.getHost())) {
                throw new IllegalArgumentException("baseUrl uses plain http to a non-loopback host ("
                        + baseUrl.getHost() + "); use https, or allowInsecureHttp(true) for a trusted network");
            }
            return new OpenAiLlmProvider(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        @Override
        public String toString() {
            return "OpenAiLlmProvider.Builder{baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                    + (apiKey == null ? "<none>" : REDACTED) + "}";
        }
    }
}
