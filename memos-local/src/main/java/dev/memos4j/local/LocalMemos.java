package dev.memos4j.local;

import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.client.ChatEventListener;
import dev.memos4j.client.ChatStream;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RequestOptions;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
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
import dev.memos4j.local.internal.KnowledgeBases;
import dev.memos4j.local.internal.LocalEngine;
import dev.memos4j.local.internal.LocalExecutor;
import dev.memos4j.local.internal.MemoryIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An embedded, MemOS-compatible memory engine: the {@link MemosClient} API on a local Lucene index with
 * in-process embeddings. No service, no key, no network.
 *
 * <pre>{@code
 * try (LocalMemos memos = LocalMemos.open(Path.of("memos-data"))) {
 *     memos.addMessage(AddMessageRequest.builder().userId("u1").conversationId("c1")
 *             .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
 *             .build()).join();
 *     memos.searchMemory(SearchMemoryRequest.builder().userId("u1")
 *             .query("What plans do I have for the weekend?").build()).join()
 *         .memories().forEach(m -> System.out.println(m.relativity() + " " + m.memoryValue()));
 * }
 * }</pre>
 *
 * <p>Every {@code add/message} keeps its messages and makes one "fast" memory per message turn (tag {@code
 * mode:fast}, type {@code WorkingMemory}), searchable as soon as the returned future completes, and detects
 * explicit preferences. A user turn that only asks the assistant something stays a message, and a turn that
 * repeats one of the user's memories refreshes it instead of adding another (see {@link IngestMode}). With a {@link Builder#memoryExtractor(MemoryExtractor) memory extractor} (for example an
 * LLM-based one) a background "fine" task adds distilled memories and preferences, and {@code get/status}
 * reports it {@code running}, then {@code completed} or {@code failed}.
 *
 * <p>Search is hybrid (BM25 + dense vectors, min-max normalised and mixed linearly), scored 0..1 as
 * {@code relativity}, strictly per user or agent. Writes are committed before their future completes, so
 * an acknowledged write survives a crash; adds that arrive together share one commit and one embedding
 * call. One process at a time may open a data directory. Work runs on internal bounded executors, never on
 * the caller's thread: searches and other reads on one pool, adds on ingest threads of their own, other
 * writes on a second pool, so a search never waits behind a write. Endpoints without a local meaning
 * (service-side chat, profiles, multipart uploads) fail with {@link MemosUnsupportedOperationException}.
 */
public final class LocalMemos implements MemosClient {

    private final LocalEngine engine;
    private final KnowledgeBases knowledgeBases;
    // Reads (searches first of all) never queue behind writes: adds go to the engine's ingest threads, the
    // other writes to a pool of their own.
    private final ExecutorService executor;
    private final ExecutorService writes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String description;

    private LocalMemos(Builder builder) {
        this.executor = LocalExecutor.create();
        this.writes = LocalExecutor.create("memos-local-write-");
        MemoryIndex index = builder.dataDirectory == null
                ? MemoryIndex.inMemory(builder.embedder.name())
                : MemoryIndex.open(builder.dataDirectory, builder.embedder.name());
        try {
            this.engine = new LocalEngine(
                    index,
                    builder.embedder,
                    builder.extractor,
                    builder.clock,
                    writes,
                    builder.retrievalMode,
                    builder.ingestMode);
        } catch (RuntimeException e) {
            index.close();
            executor.shutdown();
            writes.shutdown();
            throw e;
        }
        this.knowledgeBases = engine.knowledgeBases();
        this.description = "LocalMemos[" + (builder.dataDirectory == null ? "in memory" : builder.dataDirectory)
                + ", embedder=" + builder.embedder.name() + ", mode=" + builder.retrievalMode + "]";
    }

    /**
     * A new engine in memory with the default embedder: for tests and throw-away sessions.
     *
     * @return a new engine in memory with the default embedder
     */
    public static LocalMemos inMemory() {
        return builder().inMemory().build();
    }

    /**
     * Opens (or creates) a durable engine in {@code dataDirectory} with the default embedder.
     *
     * @param dataDirectory the directory that holds the index
     * @return the open engine
     * @throws MemosException if the directory cannot be opened or is in use by another process
     */
    public static LocalMemos open(Path dataDirectory) {
        return builder().dataDirectory(dataDirectory).build();
    }

    /**
     * A builder; by default in memory, with the default embedder and rule-based extraction.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---- endpoints with a local meaning ----

    /** {@inheritDoc} Fast memories are committed and searchable when the future completes. */
    @Override
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        if (request.userIds().size() > 1 || request.agentIds().size() > 1) {
            return unsupported(
                    "add/message with several user_id or agent_id values",
                    "the local engine keeps each memory for one user or agent; send one add per subject");
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(new MemosException("LocalMemos is closed"));
        }
        return engine.addMessage(request);
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.search(request));
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.getMessage(request));
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.getMemory(request));
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<MemoryDetail> getMemoryById(String memoryId, RequestOptions options) {
        if (memoryId == null || memoryId.isBlank()) {
            throw new IllegalArgumentException("memid is required");
        }
        return submit(() -> engine.getMemoryById(memoryId));
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.delete(request), writes);
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.update(request), writes);
    }

    /**
     * {@inheritDoc} Locally, feedback is stored as a message and a searchable memory tagged {@code
     * feedback}, explicit preferences in it are detected, and "replace X with Y" / "change X to Y" rewrites
     * the user's memories and preferences. The task is completed when the future completes.
     */
    @Override
    public CompletableFuture<TaskReceipt> addFeedback(AddFeedbackRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.feedback(request), writes);
    }

    /** {@inheritDoc} Tasks are kept in memory while this engine is open. */
    @Override
    public CompletableFuture<TaskStatusResponse> getTaskStatus(String taskId, RequestOptions options) {
        if (taskId == null || taskId.isBlank()) {
            throw new IllegalArgumentException("task_id is required");
        }
        return submit(() -> engine.taskStatus(taskId));
    }

    /** {@inheritDoc} Uses the configured {@link MemoryExtractor} (rule-based by default). */
    @Override
    public CompletableFuture<ExtractMemoryResponse> extractMemory(
            ExtractMemoryRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.extract(request.messages())).thenCompose(result -> result);
    }

    /** {@inheritDoc} Scores are the embedder's cosine similarity mapped to 0..1 (term overlap without one). */
    @Override
    public CompletableFuture<RerankResponse> rerank(RerankRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> engine.rerank(request));
    }

    // ---- knowledge bases (text formats) ----

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<CreateKnowledgebaseResponse> createKnowledgebase(
            CreateKnowledgebaseRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> knowledgeBases.create(request), writes);
    }

    /** {@inheritDoc} Deletes the knowledge base and its files' chunks. */
    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebase(String knowledgebaseId, RequestOptions options) {
        if (knowledgebaseId == null || knowledgebaseId.isBlank()) {
            throw new IllegalArgumentException("knowledgebase_id is required");
        }
        return submit(() -> knowledgeBases.delete(knowledgebaseId), writes);
    }

    /**
     * {@inheritDoc} Locally only base64 content of text formats (txt, md, json) is accepted; files are
     * chunked into passages that {@code search/memory} ranks when {@code knowledgebase_ids} is given.
     */
    @Override
    public CompletableFuture<List<UploadedFile>> addKnowledgebaseFiles(
            AddKnowledgebaseFileRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> knowledgeBases.addFiles(request), writes);
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<KnowledgebaseFilePage> getKnowledgebaseFiles(
            GetKnowledgebaseFileRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return submit(() -> knowledgeBases.files(request));
    }

    /** {@inheritDoc} */
    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebaseFiles(List<String> fileIds, RequestOptions options) {
        if (fileIds == null || fileIds.isEmpty()) {
            throw new IllegalArgumentException("file_ids must not be empty");
        }
        return submit(() -> knowledgeBases.deleteFiles(fileIds), writes);
    }

    // ---- endpoints without a local meaning ----

    /** Not supported locally: upload text files with {@link #addKnowledgebaseFiles} as base64 content. */
    @Override
    public CompletableFuture<List<UploadedFile>> uploadKnowledgebaseFiles(
            UploadKnowledgebaseFilesRequest request, RequestOptions options) {
        return unsupported("add/knowledgebase-file (multipart)", "send text files as base64 content instead");
    }

    /** Not supported locally: the engine has no model of its own; use a memory-augmented chat facade. */
    @Override
    public CompletableFuture<ChatResponse> chat(ChatRequest request, RequestOptions options) {
        return unsupported("chat", "the local engine has no chat model; use MemoryAugmentedChat with an LlmProvider");
    }

    /** Not supported locally: the returned stream fails at once. */
    @Override
    public ChatStream chatStream(ChatRequest request, ChatEventListener listener, RequestOptions options) {
        CompletableFuture<String> failed = unsupported(
                "chat (stream)", "the local engine has no chat model; use MemoryAugmentedChat with an LlmProvider");
        return new ChatStream() {
            @Override
            public CompletableFuture<String> completion() {
                return failed;
            }

            @Override
            public void cancel() {
                // nothing runs
            }
        };
    }

    /** Not supported locally (profiles are a cloud feature). */
    @Override
    public CompletableFuture<SuccessResponse> bindProfileTemplate(
            BindProfileTemplateRequest request, RequestOptions options) {
        return unsupported("bind/profile_template", "profiles are a MemOS cloud feature");
    }

    /** Not supported locally (profiles are a cloud feature). */
    @Override
    public CompletableFuture<SuccessResponse> editProfile(EditProfileRequest request, RequestOptions options) {
        return unsupported("edit/profile", "profiles are a MemOS cloud feature");
    }

    /** Not supported locally (profiles are a cloud feature). */
    @Override
    public CompletableFuture<SuccessResponse> deleteProfile(DeleteProfileRequest request, RequestOptions options) {
        return unsupported("delete/profile", "profiles are a MemOS cloud feature");
    }

    /**
     * Merges everything stored into one index segment, for faster searches after a bulk import. Lucene keeps
     * an index as several segments and every vector search runs once per segment: at 100k memories, hybrid
     * search spent 4.3-4.5 ms beside its query embedding on the four segments an import left and 2.6-2.7 ms
     * on one. The merge rewrites
     * the index (about 50 s of one core and twice the disk space for the time being at 100k memories);
     * searches and writes go on meanwhile, and a crash during it leaves the index as it was.
     *
     * @return completes once the merged index is committed
     */
    public CompletableFuture<Void> compact() {
        return submit(
                () -> {
                    engine.compact();
                    return null;
                },
                writes);
    }

    /** Commits, stops the executor and releases the data directory. Later calls fail. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.finishIngest();
            LocalExecutor.shutdown(executor);
            LocalExecutor.shutdown(writes);
            engine.close();
        }
    }

    /**
     * Why writes currently fail, for example a full disk, or empty while they work. A failed write stores
     * nothing and is reported to its caller; reads go on, and writes resume by themselves once the cause is
     * cleared.
     *
     * @return the reason writes fail, or empty
     */
    public Optional<String> writeProblem() {
        return engine.writeProblem();
    }

    @Override
    public String toString() {
        return description;
    }

    private <T> CompletableFuture<T> submit(Supplier<T> work) {
        return submit(work, executor);
    }

    private <T> CompletableFuture<T> submit(Supplier<T> work, ExecutorService executor) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new MemosException("LocalMemos is closed"));
        }
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(
                    closed.get()
                            ? new MemosException("LocalMemos is closed")
                            : new MemosException("local engine is overloaded: too many calls waiting", e));
        }
    }

    private static <T> CompletableFuture<T> unsupported(String endpoint, String reason) {
        return CompletableFuture.failedFuture(new MemosUnsupportedOperationException(endpoint, reason));
    }

    /** Configures a {@link LocalMemos}. */
    public static final class Builder {
        private Path dataDirectory;
        private Embedder embedder;
        private MemoryExtractor extractor;
        private Clock clock = Clock.systemUTC();
        private RetrievalMode retrievalMode = RetrievalMode.HYBRID;
        private IngestMode ingestMode = IngestMode.DISTINCT_FACTS;

        private Builder() {}

        /**
         * Stores everything in {@code dataDirectory} (created if missing), durably.
         *
         * @param dataDirectory the directory that holds the index
         * @return this builder
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /**
         * Keeps everything in memory (the default): gone when closed.
         *
         * @return this builder
         */
        public Builder inMemory() {
            this.dataDirectory = null;
            return this;
        }

        /**
         * Sets the embedder; default {@link Embedder#defaultModel()}; {@link Embedder#none()} for BM25 only.
         *
         * @param embedder how text becomes vectors
         * @return this builder
         */
        public Builder embedder(Embedder embedder) {
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            return this;
        }

        /**
         * Sets an extractor for the background "fine" stage (for example LLM-based). Without one, preferences
         * are detected by rules during the fast stage and tasks complete at once.
         *
         * @param extractor how messages become memories
         * @return this builder
         */
        public Builder memoryExtractor(MemoryExtractor extractor) {
            this.extractor = Objects.requireNonNull(extractor, "extractor");
            return this;
        }

        /**
         * Connects a chat model: {@code add/message} then runs a background "fine" stage that distils facts
         * and preferences with it ({@link MemoryExtractor#llm(LlmProvider)}), and {@code extract/memory}
         * uses it. Same as {@code memoryExtractor(MemoryExtractor.llm(provider))}.
         *
         * @param provider the chat model for the background "fine" stage
         * @return this builder
         */
        public Builder llmProvider(LlmProvider provider) {
            return memoryExtractor(MemoryExtractor.llm(provider));
        }

        /**
         * Sets the clock used for times of messages without {@code chat_time}.
         *
         * @param clock the clock that times messages without {@code chat_time}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how searches rank (default {@link RetrievalMode#HYBRID}).
         *
         * @param retrievalMode which signals search uses
         * @return this builder
         */
        public Builder retrievalMode(RetrievalMode retrievalMode) {
            this.retrievalMode = Objects.requireNonNull(retrievalMode, "retrievalMode");
            return this;
        }

        /**
         * Sets which turns become memories (default {@link IngestMode#DISTINCT_FACTS}: questions to the
         * assistant stay messages, repeats refresh the memory they repeat).
         *
         * @param ingestMode which turns of an {@code add/message} become memories
         * @return this builder
         */
        public Builder ingestMode(IngestMode ingestMode) {
            this.ingestMode = Objects.requireNonNull(ingestMode, "ingestMode");
            return this;
        }

        /**
         * Builds and opens the engine.
         *
         * @throws MemosException if the data directory cannot be opened or is in use
         * @return the open engine
         */
        public LocalMemos build() {
            if (embedder == null) {
                embedder = Embedder.defaultModel();
            }
            return new LocalMemos(this);
        }
    }
}
