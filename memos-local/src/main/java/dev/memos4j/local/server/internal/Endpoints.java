package dev.memos4j.local.server.internal;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RequestOptions;
import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.BindProfileTemplateRequest;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.DeleteProfileRequest;
import dev.memos4j.client.model.EditProfileRequest;
import dev.memos4j.client.model.ExtractMemoryRequest;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.UpdateMemoryRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The cloud's POST endpoints, each mapped to one {@link MemosClient} call. Request JSON is bound to the
 * request model (whose constructor validates and applies defaults); the future's value becomes
 * {@code data} of the envelope.
 */
final class Endpoints {

    /** Serves one request whose body has been read; the future's value is the envelope's {@code data}. */
    @FunctionalInterface
    interface Endpoint {
        CompletableFuture<?> serve(Call call, byte[] body);
    }

    /** The path that takes file uploads and so gets the larger body limit. */
    static final String UPLOAD_PATH = "add/knowledgebase-file";

    private Endpoints() {}

    static Map<String, Endpoint> post(MemosClient backend) {
        Map<String, Endpoint> routes = new LinkedHashMap<>();
        routes.put("add/message", json(AddMessageRequest.class, backend::addMessage));
        routes.put("search/memory", json(SearchMemoryRequest.class, backend::searchMemory));
        routes.put("get/message", json(GetMessageRequest.class, backend::getMessage));
        routes.put("get/memory", json(GetMemoryRequest.class, backend::getMemory));
        routes.put("delete/memory", json(DeleteMemoryRequest.class, backend::deleteMemory));
        routes.put("update/memory", json(UpdateMemoryRequest.class, backend::updateMemory));
        routes.put("add/feedback", json(AddFeedbackRequest.class, backend::addFeedback));
        routes.put(
                "get/status",
                (call, body) -> backend.getTaskStatus(JsonBodies.requiredText(JsonBodies.object(body), "task_id")));
        routes.put("chat", (call, body) -> chat(backend, call, body));
        routes.put("create/knowledgebase", json(CreateKnowledgebaseRequest.class, backend::createKnowledgebase));
        routes.put(
                "delete/knowledgebase",
                (call, body) -> backend.deleteKnowledgebase(
                        JsonBodies.requiredText(JsonBodies.object(body), "knowledgebase_id")));
        routes.put(UPLOAD_PATH, (call, body) -> addKnowledgebaseFile(backend, call, body));
        routes.put("get/knowledgebase-file", json(GetKnowledgebaseFileRequest.class, backend::getKnowledgebaseFiles));
        routes.put(
                "delete/knowledgebase-file",
                (call, body) -> backend.deleteKnowledgebaseFiles(
                        JsonBodies.requiredTextList(JsonBodies.object(body), "file_ids")));
        routes.put("extract/memory", json(ExtractMemoryRequest.class, backend::extractMemory));
        routes.put("rerank", json(RerankRequest.class, backend::rerank));
        routes.put("bind/profile_template", json(BindProfileTemplateRequest.class, backend::bindProfileTemplate));
        routes.put("edit/profile", json(EditProfileRequest.class, backend::editProfile));
        routes.put("delete/profile", json(DeleteProfileRequest.class, backend::deleteProfile));
        return Map.copyOf(routes);
    }

    /** {@code GET get/memory/{id}}: the id arrives percent-decoded and is passed on as an opaque string. */
    static CompletableFuture<?> getMemoryById(MemosClient backend, String memoryId) {
        if (memoryId.isBlank()) {
            throw ApiException.badRequest("memid is required");
        }
        return backend.getMemoryById(memoryId);
    }

    private static <T> Endpoint json(Class<T> type, BiFunction<T, RequestOptions, CompletableFuture<?>> call) {
        return (c, body) -> call.apply(JsonBodies.bind(JsonBodies.object(body), type), RequestOptions.none());
    }

    private static CompletableFuture<?> chat(MemosClient backend, Call call, byte[] body) {
        ChatRequest request = JsonBodies.bind(JsonBodies.object(body), ChatRequest.class);
        if (Boolean.TRUE.equals(request.stream())) {
            return ChatEventStream.serve(backend, request, call);
        }
        return backend.chat(request);
    }

    private static CompletableFuture<?> addKnowledgebaseFile(MemosClient backend, Call call, byte[] body) {
        Optional<String> boundary = Multipart.boundary(call.header("Content-Type"));
        if (boundary.isPresent()) {
            return KnowledgebaseUploads.serve(backend, call, body, boundary.get());
        }
        return backend.addKnowledgebaseFiles(
                JsonBodies.bind(JsonBodies.object(body), AddKnowledgebaseFileRequest.class));
    }
}
