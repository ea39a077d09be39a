package dev.memos4j.client;

import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.model.*;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A blocking view of a {@link MemosClient}: each call waits for the result and throws the SDK's own
 * exception ({@link MemosException} subclasses), never {@link CompletionException}. Get one from
 * {@link MemosClient#blocking()}.
 *
 * <pre>{@code
 * BlockingMemosClient memos = MemosClient.fromEnv().blocking();
 * SearchMemoryResponse found = memos.searchMemory(request);
 * }</pre>
 */
public final class BlockingMemosClient implements AutoCloseable {

    private final MemosClient client;

    BlockingMemosClient(MemosClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The asynchronous client behind this view.
     *
     * @return the asynchronous client behind this view
     */
    public MemosClient async() {
        return client;
    }

    /**
     * Blocking {@link MemosClient#addMessage}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public TaskReceipt addMessage(AddMessageRequest request) {
        return join(client.addMessage(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#addMessage} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public TaskReceipt addMessage(AddMessageRequest request, RequestOptions options) {
        return join(client.addMessage(request, options));
    }

    /**
     * Blocking {@link MemosClient#searchMemory}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SearchMemoryResponse searchMemory(SearchMemoryRequest request) {
        return join(client.searchMemory(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#searchMemory} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SearchMemoryResponse searchMemory(SearchMemoryRequest request, RequestOptions options) {
        return join(client.searchMemory(request, options));
    }

    /**
     * Blocking {@link MemosClient#getMessage}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public GetMessageResponse getMessage(GetMessageRequest request) {
        return join(client.getMessage(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#getMessage} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public GetMessageResponse getMessage(GetMessageRequest request, RequestOptions options) {
        return join(client.getMessage(request, options));
    }

    /**
     * Blocking {@link MemosClient#getMemory}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public GetMemoryResponse getMemory(GetMemoryRequest request) {
        return join(client.getMemory(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#getMemory} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public GetMemoryResponse getMemory(GetMemoryRequest request, RequestOptions options) {
        return join(client.getMemory(request, options));
    }

    /**
     * Blocking {@link MemosClient#getMemoryById}.
     *
     * @param memoryId the memory id
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public MemoryDetail getMemoryById(String memoryId) {
        return join(client.getMemoryById(memoryId, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#getMemoryById} with per-call options.
     *
     * @param memoryId the memory id
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public MemoryDetail getMemoryById(String memoryId, RequestOptions options) {
        return join(client.getMemoryById(memoryId, options));
    }

    /**
     * Blocking {@link MemosClient#deleteMemory}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteMemory(DeleteMemoryRequest request) {
        return join(client.deleteMemory(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#deleteMemory} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteMemory(DeleteMemoryRequest request, RequestOptions options) {
        return join(client.deleteMemory(request, options));
    }

    /**
     * Blocking {@link MemosClient#updateMemory}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse updateMemory(UpdateMemoryRequest request) {
        return join(client.updateMemory(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#updateMemory} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse updateMemory(UpdateMemoryRequest request, RequestOptions options) {
        return join(client.updateMemory(request, options));
    }

    /**
     * Blocking {@link MemosClient#addFeedback}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public TaskReceipt addFeedback(AddFeedbackRequest request) {
        return join(client.addFeedback(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#addFeedback} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public TaskReceipt addFeedback(AddFeedbackRequest request, RequestOptions options) {
        return join(client.addFeedback(request, options));
    }

    /**
     * Blocking {@link MemosClient#getTaskStatus}.
     *
     * @param taskId the task id of a {@link dev.memos4j.client.model.TaskReceipt}
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public TaskStatusResponse getTaskStatus(String taskId) {
        return join(client.getTaskStatus(taskId, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#getTaskStatus} with per-call options.
     *
     * @param taskId the task id of a {@link dev.memos4j.client.model.TaskReceipt}
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public TaskStatusResponse getTaskStatus(String taskId, RequestOptions options) {
        return join(client.getTaskStatus(taskId, options));
    }

    /**
     * Blocking {@link MemosClient#chat}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public ChatResponse chat(ChatRequest request) {
        return join(client.chat(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#chat} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public ChatResponse chat(ChatRequest request, RequestOptions options) {
        return join(client.chat(request, options));
    }

    /**
     * Blocking {@link MemosClient#createKnowledgebase}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public CreateKnowledgebaseResponse createKnowledgebase(CreateKnowledgebaseRequest request) {
        return join(client.createKnowledgebase(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#createKnowledgebase} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public CreateKnowledgebaseResponse createKnowledgebase(CreateKnowledgebaseRequest request, RequestOptions options) {
        return join(client.createKnowledgebase(request, options));
    }

    /**
     * Blocking {@link MemosClient#deleteKnowledgebase}.
     *
     * @param knowledgebaseId the knowledge base id
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteKnowledgebase(String knowledgebaseId) {
        return join(client.deleteKnowledgebase(knowledgebaseId, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#deleteKnowledgebase} with per-call options.
     *
     * @param knowledgebaseId the knowledge base id
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteKnowledgebase(String knowledgebaseId, RequestOptions options) {
        return join(client.deleteKnowledgebase(knowledgebaseId, options));
    }

    /**
     * Blocking {@link MemosClient#addKnowledgebaseFiles}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public List<UploadedFile> addKnowledgebaseFiles(AddKnowledgebaseFileRequest request) {
        return join(client.addKnowledgebaseFiles(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#addKnowledgebaseFiles} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public List<UploadedFile> addKnowledgebaseFiles(AddKnowledgebaseFileRequest request, RequestOptions options) {
        return join(client.addKnowledgebaseFiles(request, options));
    }

    /**
     * Blocking {@link MemosClient#uploadKnowledgebaseFiles}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public List<UploadedFile> uploadKnowledgebaseFiles(UploadKnowledgebaseFilesRequest request) {
        return join(client.uploadKnowledgebaseFiles(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#uploadKnowledgebaseFiles} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public List<UploadedFile> uploadKnowledgebaseFiles(
            UploadKnowledgebaseFilesRequest request, RequestOptions options) {
        return join(client.uploadKnowledgebaseFiles(request, options));
    }

    /**
     * Blocking {@link MemosClient#getKnowledgebaseFiles}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public KnowledgebaseFilePage getKnowledgebaseFiles(GetKnowledgebaseFileRequest request) {
        return join(client.getKnowledgebaseFiles(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#getKnowledgebaseFiles} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public KnowledgebaseFilePage getKnowledgebaseFiles(GetKnowledgebaseFileRequest request, RequestOptions options) {
        return join(client.getKnowledgebaseFiles(request, options));
    }

    /**
     * Blocking {@link MemosClient#deleteKnowledgebaseFiles}.
     *
     * @param fileIds the ids of the files to delete
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteKnowledgebaseFiles(List<String> fileIds) {
        return join(client.deleteKnowledgebaseFiles(fileIds, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#deleteKnowledgebaseFiles} with per-call options.
     *
     * @param fileIds the ids of the files to delete
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteKnowledgebaseFiles(List<String> fileIds, RequestOptions options) {
        return join(client.deleteKnowledgebaseFiles(fileIds, options));
    }

    /**
     * Blocking {@link MemosClient#extractMemory}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public ExtractMemoryResponse extractMemory(ExtractMemoryRequest request) {
        return join(client.extractMemory(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#extractMemory} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public ExtractMemoryResponse extractMemory(ExtractMemoryRequest request, RequestOptions options) {
        return join(client.extractMemory(request, options));
    }

    /**
     * Blocking {@link MemosClient#rerank}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public RerankResponse rerank(RerankRequest request) {
        return join(client.rerank(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#rerank} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public RerankResponse rerank(RerankRequest request, RequestOptions options) {
        return join(client.rerank(request, options));
    }

    /**
     * Blocking {@link MemosClient#bindProfileTemplate}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse bindProfileTemplate(BindProfileTemplateRequest request) {
        return join(client.bindProfileTemplate(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#bindProfileTemplate} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse bindProfileTemplate(BindProfileTemplateRequest request, RequestOptions options) {
        return join(client.bindProfileTemplate(request, options));
    }

    /**
     * Blocking {@link MemosClient#editProfile}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse editProfile(EditProfileRequest request) {
        return join(client.editProfile(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#editProfile} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse editProfile(EditProfileRequest request, RequestOptions options) {
        return join(client.editProfile(request, options));
    }

    /**
     * Blocking {@link MemosClient#deleteProfile}.
     *
     * @param request the request, already validated when it was built
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteProfile(DeleteProfileRequest request) {
        return join(client.deleteProfile(request, RequestOptions.none()));
    }

    /**
     * Blocking {@link MemosClient#deleteProfile} with per-call options.
     *
     * @param request the request, already validated when it was built
     * @param options per-call overrides of the client's defaults (timeout, attempts, headers)
     * @return the service's answer
     * @throws dev.memos4j.client.errors.MemosException the failure of the call, unwrapped
     */
    public SuccessResponse deleteProfile(DeleteProfileRequest request, RequestOptions options) {
        return join(client.deleteProfile(request, options));
    }

    /** Closes the underlying client. */
    @Override
    public void close() {
        client.close();
    }

    /** Waits for a future and rethrows its failure as the SDK exception it carries. */
    static <T> T join(CompletableFuture<T> future) {
        return Futures.join(future, cause -> new MemosException(cause.getMessage(), cause));
    }
}
