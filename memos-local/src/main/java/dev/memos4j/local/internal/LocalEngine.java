package dev.memos4j.local.internal;

import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.GetMessageResponse;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.RerankResponse;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.UpdateMemoryRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.IngestMode;
import dev.memos4j.local.MemoryExtractor;
import dev.memos4j.local.RetrievalMode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The local engine behind {@code LocalMemos}: every operation of the MemOS API that has a local meaning,
 * as blocking calls (the facade runs them on its executor), plus the background "fine" stage. The work is
 * done by an {@link IngestPipeline}, a {@link SearchPipeline}, {@link RecordOperations}, a {@link
 * TaskTable} and {@link KnowledgeBases}, all over one {@link RecordStore}.
 */
public final class LocalEngine implements AutoCloseable {

    private final RecordStore store;
    private final TaskTable tasks = new TaskTable();
    private final IngestPipeline ingest;
    private final SearchPipeline search;
    private final RecordOperations records;
    private final KnowledgeBases knowledgeBases;

    /**
     * An engine over {@code index}.
     *
     * @param extractor the extractor of the background "fine" stage, or null for none (explicit
     *     preferences are detected by rules during the fast stage either way)
     * @param executor runs the fine stage and completes the futures of adds (never the ingest thread)
     * @param ingestMode which turns become memories
     */
    public LocalEngine(
            MemoryIndex index,
            Embedder embedder,
            MemoryExtractor extractor,
            Clock clock,
            Executor executor,
            RetrievalMode mode,
            IngestMode ingestMode) {
        if (mode == RetrievalMode.DENSE && !embedder.enabled()) {
            throw new IllegalArgumentException("retrievalMode DENSE needs an embedder that produces vectors");
        }
        this.search = new SearchPipeline(index, embedder, mode);
        try {
            this.store = new RecordStore(index, embedder, clock);
        } catch (RuntimeException e) {
            search.close();
            throw e;
        }
        this.ingest = new IngestPipeline(store, extractor, executor, tasks, ingestMode);
        // The ingest thread is running from here: nothing below may fail.
        this.records = new RecordOperations(store, ingest, tasks);
        this.knowledgeBases = new KnowledgeBases(store);
    }

    /** Fast stage now (one memory per turn, rule-based preferences); fine stage in the background if configured. */
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request) {
        return ingest.addMessage(request);
    }

    /** Hybrid search of memories and preferences of one user or agent. */
    public SearchMemoryResponse search(SearchMemoryRequest request) {
        return search.search(request);
    }

    /** One page per category, newest first; {@code total} is the largest category count. */
    public GetMemoryResponse getMemory(GetMemoryRequest request) {
        return records.getMemory(request);
    }

    /** One memory (or preference, shown as a memory) by id. */
    public MemoryDetail getMemoryById(String memoryId) {
        return records.getMemoryById(memoryId);
    }

    /** The most recent messages of a conversation, oldest first. */
    public GetMessageResponse getMessage(GetMessageRequest request) {
        return records.getMessage(request);
    }

    /** Deletes by ids, user, agent or filter, narrowed by {@code memory_type}. */
    public SuccessResponse delete(DeleteMemoryRequest request) {
        return records.delete(request);
    }

    /** Changes a memory's text (re-embedded), title or status. */
    public SuccessResponse update(UpdateMemoryRequest request) {
        return records.update(request);
    }

    /**
     * Feedback is kept as a message and a searchable memory (tag {@code feedback}), preferences in it are
     * detected, and "replace X with Y" / "change X to Y" corrects the user's memories and preferences.
     */
    public TaskReceipt feedback(AddFeedbackRequest request) {
        return records.feedback(request);
    }

    /** The status of a task of this engine. */
    public TaskStatusResponse taskStatus(String taskId) {
        return tasks.get(taskId);
    }

    /** Extraction without storing. */
    public CompletableFuture<ExtractMemoryResponse> extract(List<Message> messages) {
        return ingest.extract(messages);
    }

    /** Orders documents by similarity to the query (cosine with the embedder, else term overlap). */
    public RerankResponse rerank(RerankRequest request) {
        return search.rerank(request);
    }

    /** The knowledge bases stored in this engine's index. */
    public KnowledgeBases knowledgeBases() {
        return knowledgeBases;
    }

    /** Merges the index into one segment (see {@link MemoryIndex#compact()}). */
    public void compact() {
        store.index().compact();
    }

    /** Writes the adds already queued, then refuses more; {@link #close()} does it too. */
    public void finishIngest() {
        ingest.close();
    }

    @Override
    public void close() {
        ingest.close();
        search.close();
        store.index().close();
    }

    /**
     * Why writes currently fail (for example a full disk).
     *
     * @return the reason, or empty while writes work
     */
    public java.util.Optional<String> writeProblem() {
        return store.index().writeProblem();
    }

    /** For diagnostics; holds no secrets. */
    @Override
    public String toString() {
        return "LocalEngine[" + store.index() + "]";
    }
}
