package dev.memos4j.client;

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
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The MemOS API: store messages, recall memories, manage memories, knowledge bases and profiles.
 *
 * <p>Every call returns a {@link CompletableFuture} and never blocks the caller; {@link #blocking()}
 * gives a blocking view for simple programs. Invalid requests fail when they are built, before anything
 * is sent. Failures arrive as {@link dev.memos4j.client.errors.MemosException} subclasses. Cancelling a
 * returned future aborts the call and any retry.
 *
 * <p>Implementations are thread-safe and meant to be shared; close them when done. This interface is
 * implemented by the HTTP client for MemOS cloud (or any server speaking its API) and by the embedded
 * engine of {@code memos-local}, so code written against it runs on either.
 *
 * <pre>{@code
 * try (MemosClient memos = MemosClient.fromEnv()) {
 *     memos.addMessage(AddMessageRequest.builder()
 *             .userId("user-123").conversationId("conversation_001")
 *             .addMessage(Message.user("Take the kids to the zoo on Saturday."))
 *             .build()).join();
 *     SearchMemoryResponse found = memos.searchMemory(SearchMemoryRequest.builder()
 *             .userId("user-123").query("What plans do I have for the weekend?").build()).join();
 *     found.memories().forEach(m -> System.out.println(m.memoryValue()));
 * }
 * }</pre>
 */
public interface MemosClient extends AutoCloseable {

    // ---- construction ----

    /**
     * A builder for the HTTP client of the MemOS cloud (or any server speaking its API).
     *
     * <pre>{@code
     * MemosClient memos = MemosClient.builder().apiKey("mpg-...").build();
     * }</pre>
     *
     * @return a builder for the HTTP client of the MemOS cloud (or any server speaking its API)
     */
    static MemosClientBuilder builder() {
        return new MemosClientBuilder();
    }

    /**
     * The HTTP client configured from the environment: {@code MEMOS_API_KEY} (required),
     * {@code MEMOS_BASE_URL}, {@code MEMOS_IS_GLOBAL}. Same as
     * {@code builder().environment(System::getenv).build()}.
     *
     * @return the HTTP client configured from the environment: {@code MEMOS_API_KEY} (required), {@code MEMOS_BASE_URL}, {@code MEMOS_IS_GLOBAL}
     * @throws IllegalStateException if {@code MEMOS_API_KEY} is unset or empty
     */
    static MemosClient fromEnv() {
        return builder().environment(System::getenv).build();
    }

    // ---- messages and memories ----

    /**
     * {@code add/message}: stores messages; the service turns them into memories. Not idempotent.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request, RequestOptions options);

    /**
     * {@code search/memory}: the memories and preferences relevant to a query.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request, RequestOptions options);

    /**
     * {@code get/message}: the most recent raw messages of a conversation.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request, RequestOptions options);

    /**
     * {@code get/memory}: one page of a user's or agent's memories.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request, RequestOptions options);

    /**
     * {@code GET get/memory/{id}}: one memory by id.
     *
     * @param memoryId the memory id
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     * @throws IllegalArgumentException if {@code memoryId} is empty ("memid is required")
     */
    CompletableFuture<MemoryDetail> getMemoryById(String memoryId, RequestOptions options);

    /**
     * {@code delete/memory}: deletes memories by ids, user, agent or filter.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request, RequestOptions options);

    /**
     * {@code update/memory}: changes a memory's text, title or status.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request, RequestOptions options);

    /**
     * {@code add/feedback}: corrects memories in natural language. Not idempotent.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<TaskReceipt> addFeedback(AddFeedbackRequest request, RequestOptions options);

    /**
     * {@code get/status}: the state of an asynchronous task.
     *
     * @param taskId the task id of a {@link dev.memos4j.client.model.TaskReceipt}
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     * @throws IllegalArgumentException if {@code taskId} is empty
     */
    CompletableFuture<TaskStatusResponse> getTaskStatus(String taskId, RequestOptions options);

    // ---- service-side chat ----

    /**
     * {@code chat}: the service answers with its own model, using the user's memories. Not idempotent.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<ChatResponse> chat(ChatRequest request, RequestOptions options);

    /**
     * {@code chat} with {@code stream: true}: events go to {@code listener} as they arrive.
     *
     * @param request the request, already validated when it was built
     * @param listener receives the stream's events as they arrive
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a handle to await the full answer or to cancel the stream
     */
    ChatStream chatStream(ChatRequest request, ChatEventListener listener, RequestOptions options);

    // ---- knowledge bases ----

    /**
     * {@code create/knowledgebase}.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<CreateKnowledgebaseResponse> createKnowledgebase(
            CreateKnowledgebaseRequest request, RequestOptions options);

    /**
     * {@code delete/knowledgebase}.
     *
     * @param knowledgebaseId the knowledge base id
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SuccessResponse> deleteKnowledgebase(String knowledgebaseId, RequestOptions options);

    /**
     * {@code add/knowledgebase-file} with files given as URLs or base64 content.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<List<UploadedFile>> addKnowledgebaseFiles(
            AddKnowledgebaseFileRequest request, RequestOptions options);

    /**
     * {@code add/knowledgebase-file} as a multipart upload of local files.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<List<UploadedFile>> uploadKnowledgebaseFiles(
            UploadKnowledgebaseFilesRequest request, RequestOptions options);

    /**
     * {@code get/knowledgebase-file}.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<KnowledgebaseFilePage> getKnowledgebaseFiles(
            GetKnowledgebaseFileRequest request, RequestOptions options);

    /**
     * {@code delete/knowledgebase-file}.
     *
     * @param fileIds the ids of the files to delete
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SuccessResponse> deleteKnowledgebaseFiles(List<String> fileIds, RequestOptions options);

    // ---- stateless helpers ----

    /**
     * {@code extract/memory}: facts and preferences found in messages; nothing is stored.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<ExtractMemoryResponse> extractMemory(ExtractMemoryRequest request, RequestOptions options);

    /**
     * {@code rerank}: candidate documents ordered by relevance to a query.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<RerankResponse> rerank(RerankRequest request, RequestOptions options);

    // ---- profiles ----

    /**
     * {@code bind/profile_template}.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SuccessResponse> bindProfileTemplate(BindProfileTemplateRequest request, RequestOptions options);

    /**
     * {@code edit/profile}.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SuccessResponse> editProfile(EditProfileRequest request, RequestOptions options);

    /**
     * {@code delete/profile}.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    CompletableFuture<SuccessResponse> deleteProfile(DeleteProfileRequest request, RequestOptions options);

    /** Releases connections and threads. Calls in flight fail; later calls fail at once. */
    @Override
    void close();

    // ---- overloads with the client's default options ----

    /**
     * {@link #addMessage(AddMessageRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request) {
        return addMessage(request, RequestOptions.none());
    }

    /**
     * {@link #searchMemory(SearchMemoryRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request) {
        return searchMemory(request, RequestOptions.none());
    }

    /**
     * {@link #getMessage(GetMessageRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request) {
        return getMessage(request, RequestOptions.none());
    }

    /**
     * {@link #getMemory(GetMemoryRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request) {
        return getMemory(request, RequestOptions.none());
    }

    /**
     * {@link #getMemoryById(String, RequestOptions)} with default options.
     *
     * @param memoryId the memory id
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<MemoryDetail> getMemoryById(String memoryId) {
        return getMemoryById(memoryId, RequestOptions.none());
    }

    /**
     * {@link #deleteMemory(DeleteMemoryRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request) {
        return deleteMemory(request, RequestOptions.none());
    }

    /**
     * {@link #updateMemory(UpdateMemoryRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request) {
        return updateMemory(request, RequestOptions.none());
    }

    /**
     * {@link #addFeedback(AddFeedbackRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<TaskReceipt> addFeedback(AddFeedbackRequest request) {
        return addFeedback(request, RequestOptions.none());
    }

    /**
     * {@link #getTaskStatus(String, RequestOptions)} with default options.
     *
     * @param taskId the task id of a {@link dev.memos4j.client.model.TaskReceipt}
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<TaskStatusResponse> getTaskStatus(String taskId) {
        return getTaskStatus(taskId, RequestOptions.none());
    }

    /**
     * {@link #chat(ChatRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<ChatResponse> chat(ChatRequest request) {
        return chat(request, RequestOptions.none());
    }

    /**
     * {@link #chatStream(ChatRequest, ChatEventListener, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @param listener receives the stream's events as they arrive
     * @return the running stream; cancel it to stop
     */
    default ChatStream chatStream(ChatRequest request, ChatEventListener listener) {
        return chatStream(request, listener, RequestOptions.none());
    }

    /**
     * {@link #createKnowledgebase(CreateKnowledgebaseRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<CreateKnowledgebaseResponse> createKnowledgebase(CreateKnowledgebaseRequest request) {
        return createKnowledgebase(request, RequestOptions.none());
    }

    /**
     * {@link #deleteKnowledgebase(String, RequestOptions)} with default options.
     *
     * @param knowledgebaseId the knowledge base id
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SuccessResponse> deleteKnowledgebase(String knowledgebaseId) {
        return deleteKnowledgebase(knowledgebaseId, RequestOptions.none());
    }

    /**
     * {@link #addKnowledgebaseFiles(AddKnowledgebaseFileRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<List<UploadedFile>> addKnowledgebaseFiles(AddKnowledgebaseFileRequest request) {
        return addKnowledgebaseFiles(request, RequestOptions.none());
    }

    /**
     * {@link #uploadKnowledgebaseFiles(UploadKnowledgebaseFilesRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<List<UploadedFile>> uploadKnowledgebaseFiles(UploadKnowledgebaseFilesRequest request) {
        return uploadKnowledgebaseFiles(request, RequestOptions.none());
    }

    /**
     * {@link #getKnowledgebaseFiles(GetKnowledgebaseFileRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<KnowledgebaseFilePage> getKnowledgebaseFiles(GetKnowledgebaseFileRequest request) {
        return getKnowledgebaseFiles(request, RequestOptions.none());
    }

    /**
     * {@link #deleteKnowledgebaseFiles(List, RequestOptions)} with default options.
     *
     * @param fileIds the ids of the files to delete
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SuccessResponse> deleteKnowledgebaseFiles(List<String> fileIds) {
        return deleteKnowledgebaseFiles(fileIds, RequestOptions.none());
    }

    /**
     * {@link #extractMemory(ExtractMemoryRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<ExtractMemoryResponse> extractMemory(ExtractMemoryRequest request) {
        return extractMemory(request, RequestOptions.none());
    }

    /**
     * {@link #rerank(RerankRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<RerankResponse> rerank(RerankRequest request) {
        return rerank(request, RequestOptions.none());
    }

    /**
     * {@link #bindProfileTemplate(BindProfileTemplateRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SuccessResponse> bindProfileTemplate(BindProfileTemplateRequest request) {
        return bindProfileTemplate(request, RequestOptions.none());
    }

    /**
     * {@link #editProfile(EditProfileRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SuccessResponse> editProfile(EditProfileRequest request) {
        return editProfile(request, RequestOptions.none());
    }

    /**
     * {@link #deleteProfile(DeleteProfileRequest, RequestOptions)} with default options.
     *
     * @param request the request, already validated when it was built
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<SuccessResponse> deleteProfile(DeleteProfileRequest request) {
        return deleteProfile(request, RequestOptions.none());
    }

    // ---- conveniences ----

    /**
     * Waits, without blocking a thread, until a task is {@code completed} or {@code failed}, polling
     * {@code get/status} every {@code pollInterval}.
     *
     * @param taskId the task, from {@link TaskReceipt#taskId()}
     * @param timeout how long to wait at most
     * @param pollInterval the time between polls
     * @return the final status; fails with {@link dev.memos4j.client.errors.MemosTimeoutException} at the deadline
     */
    default CompletableFuture<TaskStatusResponse> awaitTask(String taskId, Duration timeout, Duration pollInterval) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (taskId == null || taskId.isBlank()) {
            throw new IllegalArgumentException("task_id is required");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive (was " + pollInterval + ")");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<TaskStatusResponse> result = new CompletableFuture<>();
        TaskPoller.poll(this, taskId, deadline, pollInterval, result);
        return result;
    }

    /**
     * {@link #awaitTask(String, Duration, Duration)} polling every 500 ms.
     *
     * @param taskId the task id of a {@link dev.memos4j.client.model.TaskReceipt}
     * @param timeout how long to wait in total
     * @return a future completing with the service's answer, or failing with a {@link dev.memos4j.client.errors.MemosException}
     */
    default CompletableFuture<TaskStatusResponse> awaitTask(String taskId, Duration timeout) {
        return awaitTask(taskId, timeout, Duration.ofMillis(500));
    }

    /**
     * A blocking view of this client, for simple programs.
     *
     * @return a blocking view of this client, for simple programs
     */
    default BlockingMemosClient blocking() {
        return new BlockingMemosClient(this);
    }
}
