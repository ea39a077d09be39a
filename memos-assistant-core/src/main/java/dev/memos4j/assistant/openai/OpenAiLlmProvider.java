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
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

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

    private static final RetryPolicy DEFAULT_RETRY_POLICY = OpenAiConfig.openAiRetryDefaults();

    private final OpenAiConfig config;
    private final OpenAiTransport transport;

    private OpenAiLlmProvider(OpenAiConfig config) {
        this.config = config;
        this.transport = new OpenAiTransport(config);
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
        } else if (OpenAiConfig.isOpenAi(b.baseUrl)) {
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
        return config.model;
    }

    /**
     * The base URL.
     *
     * @return the base URL, e.g. {@value #DEFAULT_BASE_URL}
     */
    public URI baseUrl() {
        return config.baseUrl;
    }

    @Override
    public String name() {
        return "openai:" + config.model;
    }

    @Override
    public String toString() {
        return "OpenAiLlmProvider{" + config + "}";
    }

    // ---- calls ----

    @Override
    public CompletableFuture<LlmResult> complete(LlmRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.complete(OpenAiWire.requestBody(request, config.model, false, false, config.legacyMaxTokens));
    }

    @Override
    public LlmStream stream(LlmRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        return transport.stream(
                OpenAiWire.requestBody(request, config.model, true, config.includeStreamUsage, config.legacyMaxTokens),
                listener);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Builds an {@link OpenAiLlmProvider}; every setting has a default except where noted. */
    public static final class Builder {
        String apiKey;
        URI baseUrl = URI.create(DEFAULT_BASE_URL);
        String model = DEFAULT_MODEL;
        Duration connectTimeout = Duration.ofSeconds(10);
        Duration requestTimeout = Duration.ofSeconds(60);
        Duration streamIdleTimeout = Duration.ofSeconds(30);
        RetryPolicy retryPolicy = DEFAULT_RETRY_POLICY;
        HttpClient httpClient;
        Executor executor;
        ScheduledExecutorService retryScheduler;
        String organization;
        String project;
        boolean allowInsecureHttp;
        boolean includeStreamUsage = true;
        Boolean legacyMaxTokens;
        Clock clock = Clock.systemUTC();

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
            if (apiKey == null && OpenAiConfig.isOpenAi(baseUrl)) {
                throw new IllegalArgumentException("apiKey is required for " + baseUrl);
            }
            if ("http".equalsIgnoreCase(baseUrl.getScheme())
                    && !allowInsecureHttp
                    && !OpenAiConfig.isLoopback(baseUrl.getHost())) {
                throw new IllegalArgumentException("baseUrl uses plain http to a non-loopback host ("
                        + baseUrl.getHost() + "); use https, or allowInsecureHttp(true) for a trusted network");
            }
            return new OpenAiLlmProvider(new OpenAiConfig(this));
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
                    + (apiKey == null ? "<none>" : OpenAiConfig.REDACTED) + "}";
        }
    }
}
