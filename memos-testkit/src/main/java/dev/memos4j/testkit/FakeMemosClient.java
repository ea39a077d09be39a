package dev.memos4j.testkit;

import dev.memos4j.client.ChatEventListener;
import dev.memos4j.client.ChatStream;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RequestOptions;
import dev.memos4j.client.errors.MemosStreamException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.BindProfileTemplateRequest;
import dev.memos4j.client.model.ChatEvent;
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
import dev.memos4j.client.model.PreferenceDetail;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A {@link MemosClient} for tests: no network, no API key. It records every call, answers from an
 * in-memory store by default, and answers from a {@link Script} per endpoint when one is given, including
 * injected failures (HTTP status, envelope code, I/O error, timeout) and delays.
 *
 * <p>By default {@code add/message} turns each non-blank user message into a memory of its user (and
 * agent), {@code search/memory} scores a subject's memories by the share of their words (three letters or
 * more) found in the query and drops those under {@code relativity}, and {@code get/memory} (newest
 * first), {@code get/memory/{id}}, {@code update/memory}, {@code delete/memory} (not by filter),
 * {@code get/message} and {@code get/status} read and change that store. Every other endpoint fails with
 * {@code MemosUnsupportedOperationException} until it is scripted.
 *
 * <pre>{@code
 * FakeMemosClient memos = new FakeMemosClient();
 * memos.remember("user-1", "Zoo with the kids on Saturday", Instant.now());
 * memos.on(MemosEndpoint.ADD_MESSAGE).thenFail(Failures.status(503)).thenUseDefault();
 * // ... exercise the code under test ...
 * List<AddMessageRequest> writes = memos.requests(MemosEndpoint.ADD_MESSAGE);
 * }</pre>
 *
 * <p>Answers are delivered on the calling thread (already completed futures) unless a delay or a future
 * ({@link Script#thenAnswerAsync}) is scripted, and failures arrive through the returned future, as with
 * the HTTP client. It is thread-safe.
 */
public final class FakeMemosClient implements MemosClient {

    private final MemoryStore store;
    private final Queue<RecordedCall> calls = new ConcurrentLinkedQueue<>();
    private final Queue<ChatStream> streams = new ConcurrentLinkedQueue<>();
    private final Map<MemosEndpoint<?, ?>, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile boolean recording = true;
    private final Map<MemosEndpoint<?, ?>, Script<?, ?>> scripts = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A fake whose store stamps memories with the system clock. */
    public FakeMemosClient() {
        this(Clock.systemUTC());
    }

    /**
     * A fake whose store stamps memories with {@code clock}.
     *
     * @param clock the clock for {@code create_time} of stored memories and messages
     */
    public FakeMemosClient(Clock clock) {
        this.store = new MemoryStore(Objects.requireNonNull(clock, "clock"));
    }

    // ---- scripting, seeding and reading ----

    /**
     * The script of one endpoint, created empty on first use; add steps to it.
     *
     * @param endpoint the endpoint
     * @param <Q> what it receives
     * @param <R> what it answers
     * @return the endpoint's script
     */
    @SuppressWarnings("unchecked")
    public <Q, R> Script<Q, R> on(MemosEndpoint<Q, R> endpoint) {
        return (Script<Q, R>)
                scripts.computeIfAbsent(Objects.requireNonNull(endpoint, "endpoint"), e -> new Script<>());
    }

    /**
     * Stores a fact memory for a user, as if an earlier add had made it.
     *
     * @param userId the user
     * @param text the memory text
     * @param time its {@code create_time}
     * @return the stored memory, with its id
     */
    public MemoryDetail remember(String userId, String text, Instant time) {
        return store.remember(requireText(userId, "userId"), requireText(text, "text"), time);
    }

    /**
     * Stores a preference for a user; searches for that user return it when they include preferences.
     *
     * @param userId the user
     * @param text the preference
     * @param time its {@code create_time}
     * @return the stored preference
     */
    public PreferenceDetail prefer(String userId, String text, Instant time) {
        return store.prefer(requireText(userId, "userId"), requireText(text, "text"), time);
    }

    /**
     * The fact memories the store holds for a user, oldest first.
     *
     * @param userId the user
     * @return the user's memories
     */
    public List<MemoryDetail> memories(String userId) {
        return store.memoriesOf(userId);
    }

    /**
     * Every call received, in order.
     *
     * @return a snapshot of the calls
     */
    public List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /**
     * What one endpoint received, in order.
     *
     * @param endpoint the endpoint
     * @param <Q> what it receives
     * @return a snapshot of the requests
     */
    @SuppressWarnings("unchecked")
    public <Q> List<Q> requests(MemosEndpoint<Q, ?> endpoint) {
        return calls.stream()
                .filter(call -> call.endpoint() == endpoint)
                .map(call -> (Q) call.request())
                .toList();
    }

    /**
     * How many calls one endpoint received, counted even when recording is off.
     *
     * @param endpoint the endpoint
     * @return the number of calls
     */
    public long callCount(MemosEndpoint<?, ?> endpoint) {
        LongAdder count = counts.get(endpoint);
        return count == null ? 0 : count.sum();
    }

    /**
     * Turns the recording of calls ({@link #calls()}, {@link #requests}, {@link #chatStreams()}) on or
     * off; it is on by default. Long runs such as benchmarks turn it off so that the fake holds no
     * request; {@link #callCount} still counts.
     *
     * @param record whether to record calls
     * @return this fake
     */
    public FakeMemosClient recordCalls(boolean record) {
        this.recording = record;
        return this;
    }

    /**
     * The chat streams handed out, oldest first, while recording is on; {@code completion().isCancelled()}
     * tells whether the code under test cancelled one.
     *
     * @return a snapshot of the streams
     */
    public List<ChatStream> chatStreams() {
        return List.copyOf(streams);
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    // ---- the store's endpoints ----

    @Override
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request, RequestOptions options) {
        return call(MemosEndpoint.ADD_MESSAGE, request, options, store::add);
    }

    @Override
    public CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request, RequestOptions options) {
        return call(MemosEndpoint.SEARCH_MEMORY, request, options, store::search);
    }

    @Override
    public CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request, RequestOptions options) {
        return call(MemosEndpoint.GET_MESSAGE, request, options, store::messages);
    }

    @Override
    public CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request, RequestOptions options) {
        return call(MemosEndpoint.GET_MEMORY, request, options, store::list);
    }

    @Override
    public CompletableFuture<MemoryDetail> getMemoryById(String memoryId, RequestOptions options) {
        return call(MemosEndpoint.GET_MEMORY_BY_ID, requireText(memoryId, "memid"), options, store::byId);
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request, RequestOptions options) {
        return call(MemosEndpoint.DELETE_MEMORY, request, options, store::delete);
    }

    @Override
    public CompletableFuture<TaskStatusResponse> getTaskStatus(String taskId, RequestOptions options) {
        return call(MemosEndpoint.GET_TASK_STATUS, requireText(taskId, "task_id"), options, store::status);
    }

    @Override
    public CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request, RequestOptions options) {
        return call(MemosEndpoint.UPDATE_MEMORY, request, options, store::update);
    }

    // ---- endpoints answered only by a script ----

    @Override
    public CompletableFuture<TaskReceipt> addFeedback(AddFeedbackRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.ADD_FEEDBACK, request, options);
    }

    @Override
    public CompletableFuture<ChatResponse> chat(ChatRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.CHAT, request, options);
    }

    /**
     * Streams the scripted events to the listener, then completes with their text joined. An event of type
     * {@code error} ends the stream there with a {@code MemosStreamException} carrying its data, as the
     * HTTP client does when the service reports an error halfway; a delay set on
     * {@link MemosEndpoint#CHAT_STREAM} comes before each event. A listener that throws fails the stream.
     */
    @Override
    public ChatStream chatStream(ChatRequest request, ChatEventListener listener, RequestOptions options) {
        Objects.requireNonNull(listener, "listener");
        Script<?, ?> script = scripts.get(MemosEndpoint.CHAT_STREAM);
        FakeChatStream stream = new FakeChatStream(listener, script == null ? Duration.ZERO : script.delay());
        // Recorded before the first event, so a test can see the stream while it runs.
        CompletableFuture<List<ChatEvent>> events = scripted(MemosEndpoint.CHAT_STREAM, request, options);
        if (recording) {
            streams.add(stream);
        }
        events.whenComplete((list, failure) -> {
            if (failure != null) {
                stream.completion.completeExceptionally(unwrap(failure));
            } else {
                stream.play(List.copyOf(list), 0);
            }
        });
        return stream;
    }

    /** One fake stream: plays its events in order, each after the pace, until the end or a cancel. */
    private static final class FakeChatStream implements ChatStream {
        private final CompletableFuture<String> completion = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ChatEventListener listener;
        private final Duration pace;

        FakeChatStream(ChatEventListener listener, Duration pace) {
            this.listener = listener;
            this.pace = pace;
        }

        /** Delivers events from {@code from}; at a pace, the next one is scheduled, no thread waits. */
        void play(List<ChatEvent> events, int from) {
            for (int i = from; i < events.size(); i++) {
                if (completion.isDone()) {
                    return; // cancelled
                }
                if (i > from && !pace.isZero()) {
                    int next = i;
                    CompletableFuture.delayedExecutor(pace.toNanos(), TimeUnit.NANOSECONDS)
                            .execute(() -> play(events, next));
                    return;
                }
                ChatEvent event = events.get(i);
                if (event.type().equals("error")) {
                    completion.completeExceptionally(new MemosStreamException(
                            "the service reported an error in the chat stream: " + event.data()));
                    return;
                }
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    completion.completeExceptionally(e);
                    return;
                }
                if (event.isText()) {
                    text.append(event.data());
                }
            }
            completion.complete(text.toString());
        }

        @Override
        public CompletableFuture<String> completion() {
            return completion;
        }

        @Override
        public void cancel() {
            completion.completeExceptionally(new CancellationException("chat stream cancelled"));
        }
    }

    @Override
    public CompletableFuture<CreateKnowledgebaseResponse> createKnowledgebase(
            CreateKnowledgebaseRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.CREATE_KNOWLEDGEBASE, request, options);
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebase(String knowledgebaseId, RequestOptions options) {
        return scripted(MemosEndpoint.DELETE_KNOWLEDGEBASE, requireText(knowledgebaseId, "knowledgebase_id"), options);
    }

    @Override
    public CompletableFuture<List<UploadedFile>> addKnowledgebaseFiles(
            AddKnowledgebaseFileRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.ADD_KNOWLEDGEBASE_FILES, request, options);
    }

    @Override
    public CompletableFuture<List<UploadedFile>> uploadKnowledgebaseFiles(
            UploadKnowledgebaseFilesRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.UPLOAD_KNOWLEDGEBASE_FILES, request, options);
    }

    @Override
    public CompletableFuture<KnowledgebaseFilePage> getKnowledgebaseFiles(
            GetKnowledgebaseFileRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.GET_KNOWLEDGEBASE_FILES, request, options);
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebaseFiles(List<String> fileIds, RequestOptions options) {
        Objects.requireNonNull(fileIds, "fileIds");
        return scripted(MemosEndpoint.DELETE_KNOWLEDGEBASE_FILES, List.copyOf(fileIds), options);
    }

    @Override
    public CompletableFuture<ExtractMemoryResponse> extractMemory(
            ExtractMemoryRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.EXTRACT_MEMORY, request, options);
    }

    @Override
    public CompletableFuture<RerankResponse> rerank(RerankRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.RERANK, request, options);
    }

    @Override
    public CompletableFuture<SuccessResponse> bindProfileTemplate(
            BindProfileTemplateRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.BIND_PROFILE_TEMPLATE, request, options);
    }

    @Override
    public CompletableFuture<SuccessResponse> editProfile(EditProfileRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.EDIT_PROFILE, request, options);
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteProfile(DeleteProfileRequest request, RequestOptions options) {
        return scripted(MemosEndpoint.DELETE_PROFILE, request, options);
    }

    /** Marks the fake closed; later calls throw {@code IllegalStateException} as the HTTP client's do. */
    @Override
    public void close() {
        closed.set(true);
    }

    // ---- one path for every call ----

    private <Q, R> CompletableFuture<R> scripted(MemosEndpoint<Q, R> endpoint, Q request, RequestOptions options) {
        return call(endpoint, request, options, ignored -> {
            throw new MemosUnsupportedOperationException(
                    endpoint.path(), "FakeMemosClient answers it only when scripted: on(MemosEndpoint...)");
        });
    }

    private <Q, R> CompletableFuture<R> call(
            MemosEndpoint<Q, R> endpoint, Q request, RequestOptions options, Function<Q, R> fakes) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        if (closed.get()) {
            throw new IllegalStateException("the MemosClient is closed");
        }
        counts.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
        if (recording) {
            calls.add(new RecordedCall(endpoint, request, options));
        }
        @SuppressWarnings("unchecked")
        Script<Q, R> script = (Script<Q, R>) scripts.get(endpoint);
        Script.Step<Q, R> step = script == null ? null : script.nextStep();
        Duration delay = script == null ? Duration.ZERO : script.delay();
        Function<Q, R> byDefault = script == null ? fakes : script.byDefault(fakes);
        if (delay.isZero()) {
            return answer(step, request, byDefault);
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            CompletableFuture<R> answer = answer(step, request, byDefault);
            answer.whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    result.complete(value);
                }
            });
            result.whenComplete((value, failure) -> {
                if (result.isCancelled()) {
                    answer.cancel(true); // the caller gave up: let a pending scripted future see it
                }
            });
        });
        return result;
    }

    /** The step's future, or the default answer; a thrown exception fails the future, unwrapped. */
    private static <Q, R> CompletableFuture<R> answer(Script.Step<Q, R> step, Q request, Function<Q, R> byDefault) {
        try {
            return step == null
                    ? CompletableFuture.completedFuture(byDefault.apply(request))
                    : step.answer(request, byDefault);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // unwrapped, as the HTTP client fails its futures
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
