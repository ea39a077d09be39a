package dev.memos4j.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.client.ChatEventListener;
import dev.memos4j.client.ChatStream;
import dev.memos4j.client.MemosCallEvent;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.MemosClientListener;
import dev.memos4j.client.RequestOptions;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.BindProfileTemplateRequest;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.ChatResponse;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.CreateKnowledgebaseResponse;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.DeleteProfileRequest;
import dev.memos4j.client.model.EditProfileRequest;
import dev.memos4j.client.model.ExtractMemoryRequest;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.GetMessageResponse;
import dev.memos4j.client.model.KnowledgebaseFilePage;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.RerankResponse;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.UpdateMemoryRequest;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import dev.memos4j.client.model.UploadedFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP implementation of {@link MemosClient} on {@link HttpClient#sendAsync}: JSON envelopes in and
 * out, retries by the {@link dev.memos4j.client.RetryPolicy}, typed errors, streaming chat over
 * server-sent events. Build it with {@code MemosClient.builder()}.
 */
public final class HttpMemosClient implements MemosClient {

    private static final Logger log = LoggerFactory.getLogger("dev.memos4j.client");
    private static final String USER_AGENT = "memos4j-java";
    private static final String JSON = "application/json";
    private static final int LOGGED_BODY_CHARS = 4_096;

    private final ClientConfig config;
    private final HttpClient http;
    private final ExecutorService ownedExecutor;
    /** Retry waits run here: the caller's scheduler, or {@link #timer}. */
    private final ScheduledExecutorService scheduler;
    /** Timeouts run here: always the client's own, so that they stay real whatever scheduler is injected. */
    private final ScheduledThreadPoolExecutor timer;

    private final Responses responses;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A client for a resolved configuration.
     *
     * @param config the configuration, from {@code MemosClientBuilder}
     */
    public HttpMemosClient(ClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.httpClient().isPresent()) {
            this.http = config.httpClient().get();
            this.ownedExecutor = null;
        } else {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
            if (config.responsesOnIoThread()) {
                this.ownedExecutor = null;
                // The JDK then runs its tasks in place: body delivery, and so response handling, on its
                // selector thread.
                builder.executor(Runnable::run);
            } else if (config.executor().isPresent()) {
                this.ownedExecutor = null;
                builder.executor(config.executor().get());
            } else {
                this.ownedExecutor = boundedPool();
                builder.executor(ownedExecutor);
            }
            this.http = builder.build();
        }
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("memos4j-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.scheduler = config.scheduler().orElse(timer);
        this.responses = new Responses(config.retryPolicy(), config.clock(), config.apiKey());
    }

    // ---- endpoints ----

    @Override
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request, RequestOptions options) {
        return json(Endpoint.ADD_MESSAGE, request, options, object(TaskReceipt.class));
    }

    @Override
    public CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request, RequestOptions options) {
        return json(Endpoint.SEARCH_MEMORY, request, options, object(SearchMemoryResponse.class));
    }

    @Override
    public CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request, RequestOptions options) {
        return json(Endpoint.GET_MESSAGE, request, options, object(GetMessageResponse.class));
    }

    @Override
    public CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request, RequestOptions options) {
        return json(Endpoint.GET_MEMORY, request, options, object(GetMemoryResponse.class));
    }

    @Override
    public CompletableFuture<MemoryDetail> getMemoryById(String memoryId, RequestOptions options) {
        requireText(memoryId, "memid");
        requireNoBodyProperties(options, Endpoint.GET_MEMORY_BY_ID);
        ensureOpen();
        String path = Endpoint.GET_MEMORY_BY_ID.path + "/" + PathEncoding.encode(memoryId);
        Outgoing out = new Outgoing(Endpoint.GET_MEMORY_BY_ID, path, uri(path), null, JSON, JSON, "");
        return execute(out, options, plain(object(MemoryDetail.class), out));
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request, RequestOptions options) {
        return json(Endpoint.DELETE_MEMORY, request, options, object(SuccessResponse.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request, RequestOptions options) {
        return json(Endpoint.UPDATE_MEMORY, request, options, object(SuccessResponse.class));
    }

    @Override
    public CompletableFuture<TaskReceipt> addFeedback(AddFeedbackRequest request, RequestOptions options) {
        return json(Endpoint.ADD_FEEDBACK, request, options, object(TaskReceipt.class));
    }

    @Override
    public CompletableFuture<TaskStatusResponse> getTaskStatus(String taskId, RequestOptions options) {
        requireText(taskId, "task_id");
        return json(Endpoint.GET_STATUS, Map.of("task_id", taskId), options, (data, decode) -> {
            // The service answers with an object, or (older versions) a list holding one object.
            JsonNode item = data.isArray() && data.size() == 1 ? data.get(0) : data;
            if (!item.isObject()) {
                throw decode.invalid("\"data\" is neither an object nor a one-element list of objects");
            }
            ObjectNode status = ((ObjectNode) item).deepCopy();
            if (!status.path("task_id").isTextual()
                    || status.path("task_id").asText().isBlank()) {
                status.put("task_id", taskId);
            }
            return decode.convert(status, TaskStatusResponse.class);
        });
    }

    @Override
    public CompletableFuture<ChatResponse> chat(ChatRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return json(Endpoint.CHAT, request.withStream(false), options, object(ChatResponse.class));
    }

    @Override
    public ChatStream chatStream(ChatRequest request, ChatEventListener listener, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        byte[] body = Json.body(request.withStream(true), options.additionalBodyProperties());
        Endpoint endpoint = Endpoint.CHAT;
        Outgoing out = new Outgoing(
                endpoint,
                endpoint.path,
                uri(endpoint.path),
                () -> BodyPublishers.ofByteArray(body),
                JSON,
                "text/event-stream",
                new String(body, StandardCharsets.UTF_8));
        SseChatStream stream = new SseChatStream(listener, timer, config.streamIdleTimeout());
        Exchange<Void> exchange = new Exchange<>() {
            @Override
            public BodyHandler<String> bodyHandler() {
                return stream.bodyHandler();
            }

            @Override
            public Void decode(HttpResponse<String> response) {
                if (stream.started()) {
                    return null; // the stream finishes by itself
                }
                JsonNode data = responses.data(response, out.describe());
                ChatResponse answer = new Decoding(response, out).convert(data, ChatResponse.class);
                stream.completeWithAnswer(answer.response());
                return null;
            }

            @Override
            public boolean absorbs(Throwable error) {
                return stream.started(); // the stream saw the failure and reports it
            }

            @Override
            public boolean bounded() {
                return false; // a stream may run long; its idle timeout guards it
            }
        };
        CompletableFuture<Void> call = execute(out, options, exchange);
        call.whenComplete((ignored, error) -> {
            if (error != null) {
                stream.fail(error);
            }
        });
        stream.onAbort(() -> call.cancel(true));
        return stream;
    }

    @Override
    public CompletableFuture<CreateKnowledgebaseResponse> createKnowledgebase(
            CreateKnowledgebaseRequest request, RequestOptions options) {
        return json(Endpoint.CREATE_KNOWLEDGEBASE, request, options, object(CreateKnowledgebaseResponse.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebase(String knowledgebaseId, RequestOptions options) {
        requireText(knowledgebaseId, "knowledgebase_id");
        return json(
                Endpoint.DELETE_KNOWLEDGEBASE,
                Map.of("knowledgebase_id", knowledgebaseId),
                options,
                object(SuccessResponse.class));
    }

    @Override
    public CompletableFuture<List<UploadedFile>> addKnowledgebaseFiles(
            AddKnowledgebaseFileRequest request, RequestOptions options) {
        return json(Endpoint.ADD_KNOWLEDGEBASE_FILE, request, options, HttpMemosClient::uploadedFiles);
    }

    @Override
    public CompletableFuture<List<UploadedFile>> uploadKnowledgebaseFiles(
            UploadKnowledgebaseFilesRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        requireNoBodyProperties(options, Endpoint.ADD_KNOWLEDGEBASE_FILE);
        List<Path> existing = new ArrayList<>();
        for (Path file : request.files()) {
            if (Files.isRegularFile(file) && Files.isReadable(file)) {
                existing.add(file);
            } else {
                log.warn("Skipping {}: not a readable file", file);
            }
        }
        if (existing.isEmpty()) {
            throw new IllegalArgumentException("files must contain at least one valid file path");
        }
        ensureOpen();
        Endpoint endpoint = Endpoint.ADD_KNOWLEDGEBASE_FILE;
        StringBuilder path = new StringBuilder(endpoint.path)
                .append("?knowledgebase_id=")
                .append(PathEncoding.encode(request.knowledgebaseId()));
        request.type().ifPresent(type -> path.append("&type=").append(PathEncoding.encode(type)));
        Multipart multipart = new Multipart(existing);
        Outgoing out = new Outgoing(
                endpoint,
                endpoint.path,
                uri(path.toString()),
                multipart::publisher,
                multipart.contentType(),
                JSON,
                "multipart upload of " + existing);
        return execute(out, options, plain(HttpMemosClient::uploadedFiles, out));
    }

    @Override
    public CompletableFuture<KnowledgebaseFilePage> getKnowledgebaseFiles(
            GetKnowledgebaseFileRequest request, RequestOptions options) {
        return json(Endpoint.GET_KNOWLEDGEBASE_FILE, request, options, object(KnowledgebaseFilePage.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebaseFiles(List<String> fileIds, RequestOptions options) {
        if (fileIds == null || fileIds.isEmpty()) {
            throw new IllegalArgumentException("file_ids is required");
        }
        for (String id : fileIds) {
            requireText(id, "file_ids item");
        }
        return json(
                Endpoint.DELETE_KNOWLEDGEBASE_FILE,
                Map.of("file_ids", List.copyOf(fileIds)),
                options,
                object(SuccessResponse.class));
    }

    @Override
    public CompletableFuture<ExtractMemoryResponse> extractMemory(
            ExtractMemoryRequest request, RequestOptions options) {
        return json(Endpoint.EXTRACT_MEMORY, request, options, object(ExtractMemoryResponse.class));
    }

    @Override
    public CompletableFuture<RerankResponse> rerank(RerankRequest request, RequestOptions options) {
        return json(Endpoint.RERANK, request, options, object(RerankResponse.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> bindProfileTemplate(
            BindProfileTemplateRequest request, RequestOptions options) {
        return json(Endpoint.BIND_PROFILE_TEMPLATE, request, options, object(SuccessResponse.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> editProfile(EditProfileRequest request, RequestOptions options) {
        return json(Endpoint.EDIT_PROFILE, request, options, object(SuccessResponse.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteProfile(DeleteProfileRequest request, RequestOptions options) {
        return json(Endpoint.DELETE_PROFILE, request, options, object(SuccessResponse.class));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (CompletableFuture<?> call : List.copyOf(inFlight)) {
            call.completeExceptionally(new MemosException("the MemosClient was closed while the call was in flight"));
        }
        // Pending timeouts are dropped, but work already queued still runs: a finished stream's cancel of its
        // body subscription waits there, and without it the JDK keeps the connection and its selector thread.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.shutdown();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    @Override
    public String toString() {
        return "HttpMemosClient{" + config + (closed.get() ? ", closed" : "") + "}";
    }

    // ---- plumbing ----

    /** How one call reads its response. */
    interface Exchange<T> {
        BodyHandler<String> bodyHandler();

        T decode(HttpResponse<String> response);

        /** Whether a transport failure is already handled elsewhere (a started stream). */
        default boolean absorbs(Throwable error) {
            return false;
        }

        /** Whether the whole exchange, body included, must finish within the timeout (not for streams). */
        default boolean bounded() {
            return true;
        }
    }

    /** Turns the envelope's {@code data} into the endpoint's result. */
    interface DataReader<T> {
        T read(JsonNode data, Decoding decode);
    }

    /** Conversion helpers bound to one response, so that shape errors name the call and keep the body. */
    final class Decoding {
        private final HttpResponse<String> response;
        private final Outgoing out;

        Decoding(HttpResponse<String> response, Outgoing out) {
            this.response = response;
            this.out = out;
        }

        AttemptFailure invalid(String problem) {
            return responses.invalid(out.describe(), response.statusCode(), response.body(), problem, null);
        }

        <T> T convert(JsonNode data, Class<T> type) {
            try {
                return Json.MAPPER.treeToValue(data, type);
            } catch (Exception e) {
                throw responses.invalid(
                        out.describe(),
                        response.statusCode(),
                        response.body(),
                        "\"data\" does not match " + type.getSimpleName() + ": " + e.getMessage(),
                        e);
            }
        }

        <T> T convert(JsonNode data, TypeReference<T> type) {
            try {
                return Json.MAPPER.convertValue(data, type);
            } catch (Exception e) {
                throw responses.invalid(
                        out.describe(),
                        response.statusCode(),
                        response.body(),
                        "\"data\" does not have the expected shape: " + e.getMessage(),
                        e);
            }
        }
    }

    /** A request ready to be sent any number of times. */
    record Outgoing(
            Endpoint endpoint,
            String path,
            URI uri,
            Supplier<BodyPublisher> body,
            String contentType,
            String accept,
            String traceBody) {

        String describe() {
            return endpoint.method + " " + path;
        }
    }

    private static <T> DataReader<T> object(Class<T> type) {
        return (data, decode) -> {
            if (!data.isObject()) {
                throw decode.invalid("\"data\" is not an object");
            }
            return decode.convert(data, type);
        };
    }

    private static List<UploadedFile> uploadedFiles(JsonNode data, Decoding decode) {
        if (!data.isArray()) {
            throw decode.invalid("\"data\" is not a list of files");
        }
        return List.copyOf(decode.convert(data, new TypeReference<List<UploadedFile>>() {}));
    }

    private <T> CompletableFuture<T> json(
            Endpoint endpoint, Object request, RequestOptions options, DataReader<T> reader) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        byte[] body = Json.body(request, options.additionalBodyProperties());
        Outgoing out = new Outgoing(
                endpoint,
                endpoint.path,
                uri(endpoint.path),
                () -> BodyPublishers.ofByteArray(body),
                JSON,
                JSON,
                new String(body, StandardCharsets.UTF_8));
        return execute(out, options, plain(reader, out));
    }

    private <T> Exchange<T> plain(DataReader<T> reader, Outgoing out) {
        return new Exchange<>() {
            @Override
            public BodyHandler<String> bodyHandler() {
                return BodyHandlers.ofString(StandardCharsets.UTF_8);
            }

            @Override
            public T decode(HttpResponse<String> response) {
                return reader.read(responses.data(response, out.describe()), new Decoding(response, out));
            }
        };
    }

    private <T> CompletableFuture<T> execute(Outgoing out, RequestOptions options, Exchange<T> exchange) {
        int maxAttempts = options.maxAttempts().orElse(config.retryPolicy().maxAttempts());
        Duration timeout = options.timeout().orElse(config.timeout());
        Map<String, String> headers = headers(out, options);
        CompletableFuture<T> result = RetryingCall.run(
                out.endpoint().path,
                config.retryPolicy(),
                maxAttempts,
                out.endpoint().creates,
                scheduler,
                (attempt, onSend) -> attempt(out, headers, timeout, attempt, maxAttempts, exchange, onSend),
                (nextAttempt, failure, wait) -> {
                    log.warn(
                            "Retrying {} in {} ms (attempt {}/{}) after: {}",
                            out.describe(),
                            wait.toMillis(),
                            nextAttempt,
                            maxAttempts,
                            failure.error().getMessage());
                    notify(
                            MemosClientListener::onRetry,
                            new MemosCallEvent(
                                    out.endpoint().method,
                                    out.path(),
                                    nextAttempt - 1,
                                    statusOf(failure),
                                    Duration.ZERO,
                                    Map.of(),
                                    Optional.of(failure.error()),
                                    Optional.of(wait)));
                });
        inFlight.add(result);
        result.whenComplete((value, error) -> inFlight.remove(result));
        if (closed.get()) {
            result.completeExceptionally(new MemosException("the MemosClient was closed while the call was in flight"));
        }
        return result;
    }

    private <T> CompletableFuture<T> attempt(
            Outgoing out,
            Map<String, String> headers,
            Duration timeout,
            int attempt,
            int maxAttempts,
            Exchange<T> exchange,
            Consumer<Future<?>> onSend) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(out.uri()).timeout(timeout);
        headers.forEach(builder::header);
        builder.method(
                out.endpoint().method,
                out.body() == null ? BodyPublishers.noBody() : out.body().get());
        HttpRequest request = builder.build();

        String method = out.endpoint().method;
        notify(
                MemosClientListener::onRequest,
                new MemosCallEvent(
                        method,
                        out.path(),
                        attempt,
                        OptionalInt.empty(),
                        Duration.ZERO,
                        Redaction.headers(request.headers()),
                        Optional.empty(),
                        Optional.empty()));
        if (log.isTraceEnabled()) {
            log.trace(
                    "{} attempt {} headers {} body {}",
                    out.describe(),
                    attempt,
                    Redaction.headers(request.headers()),
                    cap(out.traceBody()));
        }
        long start = System.nanoTime();
        // HttpRequest.timeout stops counting at the response headers; this bounds a body that stalls.
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> guard = new AtomicReference<>();
        BiFunction<HttpResponse<String>, Throwable, T> finish = (response, error) -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            ScheduledFuture<?> bound = guard.get();
            if (bound != null) {
                bound.cancel(false);
            }
            if (error != null) {
                if (exchange.absorbs(error)) {
                    return null;
                }
                AttemptFailure failure = responses.transport(
                        timedOut.get() ? new HttpTimeoutException("response body stalled") : error,
                        out.describe(),
                        timeout);
                log.debug(
                        "{} failed in {} ms (attempt {}/{}): {}",
                        out.describe(),
                        latency.toMillis(),
                        attempt,
                        maxAttempts,
                        failure.error().toString());
                notify(
                        MemosClientListener::onError,
                        new MemosCallEvent(
                                method,
                                out.path(),
                                attempt,
                                OptionalInt.empty(),
                                latency,
                                Map.of(),
                                Optional.of(failure.error()),
                                Optional.empty()));
                throw failure;
            }
            log.debug(
                    "{} -> {} in {} ms (attempt {}/{})",
                    out.describe(),
                    response.statusCode(),
                    latency.toMillis(),
                    attempt,
                    maxAttempts);
            if (log.isTraceEnabled()) {
                log.trace(
                        "{} response headers {} body {}",
                        out.describe(),
                        Redaction.headers(response.headers()),
                        cap(Redaction.scrub(response.body(), config.apiKey())));
            }
            Map<String, List<String>> responseHeaders = Redaction.headers(response.headers());
            Function<Optional<Throwable>, MemosCallEvent> answered = failed -> new MemosCallEvent(
                    method,
                    out.path(),
                    attempt,
                    OptionalInt.of(response.statusCode()),
                    latency,
                    responseHeaders,
                    failed,
                    Optional.empty());
            notify(MemosClientListener::onResponse, answered.apply(Optional.empty()));
            try {
                return exchange.decode(response);
            } catch (AttemptFailure failure) {
                notify(MemosClientListener::onError, answered.apply(Optional.of(failure.error())));
                throw failure;
            }
        };
        AtomicReference<CompletableFuture<T>> handled = new AtomicReference<>();
        // Set up before the exchange starts, so that a response arriving at once is still handled where it
        // completes, never on the caller's thread.
        CompletableFuture<HttpResponse<String>> send =
                DirectSend.sendAsync(http, request, exchange.bodyHandler(), pending -> {
                    if (exchange.bounded()) {
                        guard.set(scheduleGuard(pending, timedOut, timeout));
                    }
                    handled.set(pending.handle(finish));
                });
        onSend.accept(send);
        return handled.get();
    }

    private ScheduledFuture<?> scheduleGuard(CompletableFuture<?> send, AtomicBoolean timedOut, Duration timeout) {
        try {
            return timer.schedule(
                    () -> {
                        if (!send.isDone()) {
                            timedOut.set(true);
                            send.cancel(true);
                        }
                    },
                    timeout.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return null; // closing: the call is being failed anyway
        }
    }

    private Map<String, String> headers(Outgoing out, RequestOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.putAll(config.defaultHeaders());
        headers.putAll(options.headers());
        // Set last, so that no extra header can replace them.
        headers.put("Authorization", "Token " + config.apiKey());
        headers.put("Content-Type", out.contentType());
        headers.put("Accept", out.accept());
        return headers;
    }

    private URI uri(String path) {
        return URI.create(config.baseUri() + "/" + path);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the MemosClient is closed");
        }
    }

    private void notify(BiConsumer<MemosClientListener, MemosCallEvent> callback, MemosCallEvent event) {
        try {
            callback.accept(config.listener(), event);
        } catch (RuntimeException e) {
            log.warn("MemosClientListener failed on {} {}: {}", event.method(), event.path(), e.toString());
        }
    }

    private static OptionalInt statusOf(AttemptFailure failure) {
        return failure.error() instanceof MemosServiceException service
                ? OptionalInt.of(service.statusCode())
                : OptionalInt.empty();
    }

    private static void requireNoBodyProperties(RequestOptions options, Endpoint endpoint) {
        Objects.requireNonNull(options, "options");
        if (!options.additionalBodyProperties().isEmpty()) {
            throw new IllegalArgumentException(
                    "additionalBodyProperties cannot be sent to " + endpoint.path + ": the call has no JSON body (was "
                            + options.additionalBodyProperties().keySet() + ")");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static String cap(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= LOGGED_BODY_CHARS ? text : text.substring(0, LOGGED_BODY_CHARS) + "...";
    }

    /**
     * The response-handling pool: a few threads however many calls are in flight (a cached pool grew to
     * hundreds under 10,000 concurrent calls). Responses complete on it, so callbacks on the returned
     * futures run here too; a fork-join pool adds a spare thread while one of its threads waits in
     * {@code join()} or {@code get()} (a callback calling {@code blocking()}), so such a callback cannot
     * starve the responses it waits for. Idle threads end after 30 s.
     */
    private static ExecutorService boundedPool() {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("memos4j-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ForkJoinPool(threads, factory, null, true, 0, threads + 256, 1, null, 30, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
