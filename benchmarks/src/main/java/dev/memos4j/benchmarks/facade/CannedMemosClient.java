package dev.memos4j.benchmarks.facade;

import dev.memos4j.client.ChatEventListener;
import dev.memos4j.client.ChatStream;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RequestOptions;
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
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.UpdateMemoryRequest;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import dev.memos4j.client.model.UploadedFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MemosClient} standing in for the service: {@code search/memory} answers with a fixed response
 * and {@code add/message} with a receipt, each after a fixed delay (none: the future is already complete).
 * Delays run on the JDK's delayed executor, so no thread sleeps. Other endpoints fail: the chat facade
 * never calls them.
 */
final class CannedMemosClient implements MemosClient {

    private final SearchMemoryResponse searchResponse;
    private final Duration searchDelay;
    private final Duration writeDelay;
    private final AtomicLong searches = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    CannedMemosClient(SearchMemoryResponse searchResponse, Duration searchDelay, Duration writeDelay) {
        this.searchResponse = searchResponse;
        this.searchDelay = searchDelay;
        this.writeDelay = writeDelay;
    }

    long searches() {
        return searches.get();
    }

    long writes() {
        return writes.get();
    }

    @Override
    public CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request, RequestOptions options) {
        searches.incrementAndGet();
        return after(searchDelay, searchResponse);
    }

    @Override
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request, RequestOptions options) {
        writes.incrementAndGet();
        return after(writeDelay, TaskReceipt.of("task-" + writes.get(), TaskStatus.RUNNING));
    }

    private static <T> CompletableFuture<T> after(Duration delay, T value) {
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(value);
        }
        Executor later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
        return CompletableFuture.supplyAsync(() -> value, later);
    }

    private static <T> CompletableFuture<T> unsupported(String endpoint) {
        return CompletableFuture.failedFuture(
                new MemosUnsupportedOperationException(endpoint, "not part of the benchmark"));
    }

    @Override
    public CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request, RequestOptions options) {
        return unsupported("get/message");
    }

    @Override
    public CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request, RequestOptions options) {
        return unsupported("get/memory");
    }

    @Override
    public CompletableFuture<MemoryDetail> getMemoryById(String memoryId, RequestOptions options) {
        return unsupported("get/memory/{memid}");
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request, RequestOptions options) {
        return unsupported("delete/memory");
    }

    @Override
    public CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request, RequestOptions options) {
        return unsupported("update/memory");
    }

    @Override
    public CompletableFuture<TaskReceipt> addFeedback(AddFeedbackRequest request, RequestOptions options) {
        return unsupported("add/feedback");
    }

    @Override
    public CompletableFuture<TaskStatusResponse> getTaskStatus(String taskId, RequestOptions options) {
        return unsupported("get/status");
    }

    @Override
    public CompletableFuture<ChatResponse> chat(ChatRequest request, RequestOptions options) {
        return unsupported("chat");
    }

    @Override
    public CompletableFuture<CreateKnowledgebaseResponse> createKnowledgebase(
            CreateKnowledgebaseRequest request, RequestOptions options) {
        return unsupported("create/knowledgebase");
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebase(String knowledgebaseId, RequestOptions options) {
        return unsupported("delete/knowledgebase");
    }

    @Override
    public CompletableFuture<List<UploadedFile>> addKnowledgebaseFiles(
            AddKnowledgebaseFileRequest request, RequestOptions options) {
        return unsupported("add/knowledgebase-file");
    }

    @Override
    public CompletableFuture<List<UploadedFile>> uploadKnowledgebaseFiles(
            UploadKnowledgebaseFilesRequest request, RequestOptions options) {
        return unsupported("add/knowledgebase-file");
    }

    @Override
    public CompletableFuture<KnowledgebaseFilePage> getKnowledgebaseFiles(
            GetKnowledgebaseFileRequest request, RequestOptions options) {
        return unsupported("get/knowledgebase-file");
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebaseFiles(List<String> fileIds, RequestOptions options) {
        return unsupported("delete/knowledgebase-file");
    }

    @Override
    public CompletableFuture<ExtractMemoryResponse> extractMemory(
            ExtractMemoryRequest request, RequestOptions options) {
        return unsupported("extract/memory");
    }

    @Override
    public CompletableFuture<RerankResponse> rerank(RerankRequest request, RequestOptions options) {
        return unsupported("rerank");
    }

    @Override
    public CompletableFuture<SuccessResponse> bindProfileTemplate(
            BindProfileTemplateRequest request, RequestOptions options) {
        return unsupported("bind/profile_template");
    }

    @Override
    public CompletableFuture<SuccessResponse> editProfile(EditProfileRequest request, RequestOptions options) {
        return unsupported("edit/profile");
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteProfile(DeleteProfileRequest request, RequestOptions options) {
        return unsupported("delete/profile");
    }

    @Override
    public ChatStream chatStream(ChatRequest request, ChatEventListener listener, RequestOptions options) {
        throw new MemosUnsupportedOperationException("chat", "not part of the benchmark");
    }

    @Override
    public void close() {}
}
