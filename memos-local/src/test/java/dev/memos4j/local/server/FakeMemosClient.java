package dev.memos4j.local.server;

import dev.memos4j.client.ChatEventListener;
import dev.memos4j.client.ChatStream;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RequestOptions;
import dev.memos4j.client.internal.Json;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scripted {@link MemosClient}: records what each method received and answers with fixed responses,
 * or with a scripted failure. Chat streams emit scripted events.
 */
final class FakeMemosClient implements MemosClient {

    final Map<String, Object> received = new ConcurrentHashMap<>();
    /** File name to content, as the upload call saw the files on disk. */
    final Map<String, byte[]> uploadedContent = new ConcurrentHashMap<>();

    final List<Path> uploadedPaths = new ArrayList<>();
    volatile RuntimeException failure;
    volatile List<ChatEvent> streamEvents =
            List.of(new ChatEvent(ChatEvent.TEXT, "Hello", null), new ChatEvent(ChatEvent.TEXT, " there", null));
    volatile boolean streamCancelled;
    volatile boolean uploadsUnsupported;
    /** When set, every answer waits for it. */
    volatile CompletableFuture<Void> hold;

    volatile MemoryDetail memory = read("""
            {"id":"mem-1","memory_key":"zoo","memory_value":"Take the kids to the zoo on Saturday",
             "memory_type":"LongTermMemory","create_time":1765359875901,"tags":["mode:fast"]}""", MemoryDetail.class);

    static final TaskReceipt RECEIPT =
            read("{\"success\":true,\"task_id\":\"task-1\",\"status\":\"running\"}", TaskReceipt.class);
    static final SuccessResponse SUCCESS = read("{\"success\":true}", SuccessResponse.class);

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    private <T> CompletableFuture<T> answer(String method, Object request, T response) {
        calls.incrementAndGet();
        received.put(method, request);
        RuntimeException f = failure;
        if (f != null) {
            return CompletableFuture.failedFuture(f);
        }
        CompletableFuture<Void> wait = hold;
        return wait == null ? CompletableFuture.completedFuture(response) : wait.thenApply(v -> response);
    }

    @Override
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request, RequestOptions options) {
        return answer("addMessage", request, RECEIPT);
    }

    @Override
    public CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request, RequestOptions options) {
        return answer(
                "searchMemory",
                request,
                read(
                        "{\"memory_detail_list\":[" + Json.write(memory)
                                + "],\"preference_detail_list\":[],\"preference_note\":\"\"}",
                        SearchMemoryResponse.class));
    }

    @Override
    public CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request, RequestOptions options) {
        return answer(
                "getMessage",
                request,
                read(
                        "{\"message_detail_list\":[{\"role\":\"user\",\"content\":\"hi\",\"create_time\":1}]}",
                        GetMessageResponse.class));
    }

    @Override
    public CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request, RequestOptions options) {
        return answer(
                "getMemory",
                request,
                read(
                        "{\"memory_detail_list\":[" + Json.write(memory)
                                + "],\"total\":1,\"size\":10,\"current\":1,\"pages\":1}",
                        GetMemoryResponse.class));
    }

    @Override
    public CompletableFuture<MemoryDetail> getMemoryById(String memoryId, RequestOptions options) {
        return answer("getMemoryById", memoryId, memory);
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request, RequestOptions options) {
        return answer("deleteMemory", request, SUCCESS);
    }

    @Override
    public CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request, RequestOptions options) {
        return answer("updateMemory", request, SUCCESS);
    }

    @Override
    public CompletableFuture<TaskReceipt> addFeedback(AddFeedbackRequest request, RequestOptions options) {
        return answer("addFeedback", request, RECEIPT);
    }

    @Override
    public CompletableFuture<TaskStatusResponse> getTaskStatus(String taskId, RequestOptions options) {
        return answer(
                "getTaskStatus",
                taskId,
                read(
                        "{\"task_id\":\"" + taskId + "\",\"status\":\"completed\",\"memory_views\":{\"added\":1}}",
                        TaskStatusResponse.class));
    }

    @Override
    public CompletableFuture<ChatResponse> chat(ChatRequest request, RequestOptions options) {
        return answer("chat", request, read("{\"response\":\"You are going to the zoo.\"}", ChatResponse.class));
    }

    @Override
    public ChatStream chatStream(ChatRequest request, ChatEventListener listener, RequestOptions options) {
        received.put("chatStream", request);
        CompletableFuture<String> completion = new CompletableFuture<>();
        RuntimeException f = failure;
        CompletableFuture.runAsync(() -> {
            if (f != null) {
                completion.completeExceptionally(f);
                return;
            }
            StringBuilder answer = new StringBuilder();
            for (ChatEvent event : streamEvents) {
                if (completion.isDone()) {
                    return;
                }
                if (event.type().equals("fail")) {
                    completion.completeExceptionally(new IllegalStateException(event.data()));
                    return;
                }
                listener.onEvent(event);
                pause();
                if (event.isText()) {
                    answer.append(event.data());
                }
            }
            completion.complete(answer.toString());
        });
        return new ChatStream() {
            @Override
            public CompletableFuture<String> completion() {
                return completion;
            }

            @Override
            public void cancel() {
                streamCancelled = true;
                completion.cancel(false);
            }
        };
    }

    /** Delay between streamed events, so a test can act while a stream is running. */
    volatile long streamEventDelayMillis;

    private void pause() {
        if (streamEventDelayMillis > 0) {
            try {
                Thread.sleep(streamEventDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public CompletableFuture<CreateKnowledgebaseResponse> createKnowledgebase(
            CreateKnowledgebaseRequest request, RequestOptions options) {
        return answer("createKnowledgebase", request, read("{\"id\":\"kb-1\"}", CreateKnowledgebaseResponse.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebase(String knowledgebaseId, RequestOptions options) {
        return answer("deleteKnowledgebase", knowledgebaseId, SUCCESS);
    }

    @Override
    public CompletableFuture<List<UploadedFile>> addKnowledgebaseFiles(
            AddKnowledgebaseFileRequest request, RequestOptions options) {
        return answer(
                "addKnowledgebaseFiles",
                request,
                List.of(read(
                        "{\"id\":\"file-1\",\"name\":\"a.txt\",\"sizeMB\":0.1,\"status\":\"PROCESSING\"}",
                        UploadedFile.class)));
    }

    @Override
    public CompletableFuture<List<UploadedFile>> uploadKnowledgebaseFiles(
            UploadKnowledgebaseFilesRequest request, RequestOptions options) {
        if (uploadsUnsupported) {
            received.put("uploadKnowledgebaseFiles", request);
            return CompletableFuture.failedFuture(new dev.memos4j.client.errors.MemosUnsupportedOperationException(
                    "add/knowledgebase-file (multipart)", "inline content only"));
        }
        List<UploadedFile> result = new ArrayList<>();
        for (Path file : request.files()) {
            try {
                uploadedContent.put(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            synchronized (uploadedPaths) {
                uploadedPaths.add(file);
            }
            result.add(new UploadedFile(
                    "file-" + result.size(),
                    java.util.Optional.of(file.getFileName().toString()),
                    java.util.Optional.empty(),
                    java.util.Optional.of("PROCESSING"),
                    Map.of()));
        }
        return answer("uploadKnowledgebaseFiles", request, result);
    }

    @Override
    public CompletableFuture<KnowledgebaseFilePage> getKnowledgebaseFiles(
            GetKnowledgebaseFileRequest request, RequestOptions options) {
        return answer(
                "getKnowledgebaseFiles",
                request,
                read(
                        "{\"file_detail_list\":[{\"id\":\"file-1\",\"name\":\"a.txt\",\"size\":\"1KB\",\"status\":\"completed\"}],"
                                + "\"total\":1,\"page\":1,\"page_size\":10}",
                        KnowledgebaseFilePage.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteKnowledgebaseFiles(List<String> fileIds, RequestOptions options) {
        return answer("deleteKnowledgebaseFiles", fileIds, SUCCESS);
    }

    @Override
    public CompletableFuture<ExtractMemoryResponse> extractMemory(
            ExtractMemoryRequest request, RequestOptions options) {
        return answer(
                "extractMemory",
                request,
                read(
                        "{\"success\":true,\"memory_detail_list\":[{\"memory_key\":\"k\","
                                + "\"memory_value\":\"v\",\"memory_type\":\"UserMemory\",\"tags\":[]}],\"preference_detail_list\":[]}",
                        ExtractMemoryResponse.class));
    }

    @Override
    public CompletableFuture<RerankResponse> rerank(RerankRequest request, RequestOptions options) {
        return answer(
                "rerank",
                request,
                read(
                        "{\"id\":\"rerank-1\",\"results\":[{\"index\":1,\"relevance_score\":0.9}]}",
                        RerankResponse.class));
    }

    @Override
    public CompletableFuture<SuccessResponse> bindProfileTemplate(
            BindProfileTemplateRequest request, RequestOptions options) {
        return answer("bindProfileTemplate", request, SUCCESS);
    }

    @Override
    public CompletableFuture<SuccessResponse> editProfile(EditProfileRequest request, RequestOptions options) {
        return answer("editProfile", request, SUCCESS);
    }

    @Override
    public CompletableFuture<SuccessResponse> deleteProfile(DeleteProfileRequest request, RequestOptions options) {
        return answer("deleteProfile", request, SUCCESS);
    }

    volatile boolean closed;

    @Override
    public void close() {
        closed = true;
    }
}
