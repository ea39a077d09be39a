package dev.memos4j.local.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        routes.put("delete/memory", (call, body) -> deleteMemory(backend, body));
        routes.put(
                "update/memory",
                strictJson(
                        UpdateMemoryRequest.class,
                        backend::updateMemory,
                        "update/memory",
                        Set.of("memory_id", "content", "title", "status")));
        routes.put("add/feedback", json(AddFeedbackRequest.class, backend::addFeedback));
        routes.put(
                "get/status",
                (call, body) -> backend.getTaskStatus(JsonBodies.requiredText(JsonBodies.object(body), "task_id")));
        routes.put("chat", (call, body) -> chat(backend, call, body));
        routes.put("create/knowledgebase", json(CreateKnowledgebaseRequest.class, backend::createKnowledgebase));
        routes.put(
                "delete/knowledgebase",
                (call, body) -> backend.deleteKnowledgebase(JsonBodies.requiredText(
                        JsonBodies.onlyFields(
                                JsonBodies.object(body), "delete/knowledgebase", Set.of("knowledgebase_id")),
                        "knowledgebase_id")));
        routes.put(UPLOAD_PATH, (call, body) -> addKnowledgebaseFile(backend, call, body));
        routes.put("get/knowledgebase-file", json(GetKnowledgebaseFileRequest.class, backend::getKnowledgebaseFiles));
        routes.put(
                "delete/knowledgebase-file",
                (call, body) -> backend.deleteKnowledgebaseFiles(JsonBodies.requiredTextList(
                        JsonBodies.onlyFields(JsonBodies.object(body), "delete/knowledgebase-file", Set.of("file_ids")),
                        "file_ids")));
        routes.put("extract/memory", json(ExtractMemoryRequest.class, backend::extractMemory));
        routes.put("rerank", json(RerankRequest.class, backend::rerank));
        routes.put("bind/profile_template", json(BindProfileTemplateRequest.class, backend::bindProfileTemplate));
        routes.put("edit/profile", json(EditProfileRequest.class, backend::editProfile));
        routes.put(
                "delete/profile",
                strictJson(
                        DeleteProfileRequest.class,
                        backend::deleteProfile,
                        "delete/profile",
                        Set.of("user_id", "agent_id", "profile_template_id")));
        return Map.copyOf(routes);
    }

    /** {@code GET get/memory/{id}}: the id arrives percent-decoded and is passed on as an opaque string. */
    static CompletableFuture<?> getMemoryById(MemosClient backend, String memoryId) {
        if (memoryId.isBlank()) {
            throw ApiException.badRequest("memid is required");
        }
        return backend.getMemoryById(memoryId);
    }

    /** The fields of {@code delete/memory}; the first four are its delete conditions. */
    private static final List<String> DELETE_MEMORY_FIELDS =
            List.of("memory_ids", "user_id", "agent_id", "filter", "memory_type");

    /**
     * {@code delete/memory}, strictly: an unknown field (a typo such as {@code memory_id}) or a condition
     * sent empty must not leave another condition, such as {@code user_id}, to delete far more than meant.
     * Deleting all of a user's memories takes {@code {"user_id": ...}} alone (optionally with
     * {@code memory_type}).
     */
    private static CompletableFuture<?> deleteMemory(MemosClient backend, byte[] body) {
        JsonNode tree =
                JsonBodies.onlyFields(JsonBodies.object(body), "delete/memory", Set.copyOf(DELETE_MEMORY_FIELDS));
        for (String condition : DELETE_MEMORY_FIELDS.subList(0, 4)) {
            JsonNode value = tree.get(condition);
            if (value != null
                    && (value.isNull()
                            || ((value.isArray() || value.isObject()) && value.isEmpty())
                            || (value.isTextual() && value.asText().isBlank()))) {
                throw ApiException.badRequest(condition + " must not be empty or null: a delete names what it"
                        + " deletes; leave the field out instead (to delete all of a user's memories send"
                        + " {\"user_id\": \"...\"} alone)");
            }
        }
        return backend.deleteMemory(JsonBodies.bind(tree, DeleteMemoryRequest.class));
    }

    private static <T> Endpoint strictJson(
            Class<T> type,
            BiFunction<T, RequestOptions, CompletableFuture<?>> call,
            String endpoint,
            Set<String> fields) {
        return (c, body) -> call.apply(
                JsonBodies.bind(JsonBodies.onlyFields(JsonBodies.object(body), endpoint, fields), type),
                RequestOptions.none());
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
