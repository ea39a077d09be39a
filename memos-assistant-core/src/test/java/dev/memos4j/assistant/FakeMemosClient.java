package dev.memos4j.assistant;

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
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.RerankResponse;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.Timestamp;
import dev.memos4j.client.model.UpdateMemoryRequest;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import dev.memos4j.client.model.UploadedFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An in-memory MemOS for facade tests: every stored user message becomes a memory of its user, searches
 * score by shared words, and failures can be scripted per call.
 */
final class FakeMemosClient implements MemosClient {

    private final Map<String, List<MemoryDetail>> memoriesByUser = new ConcurrentHashMap<>();
    private final Map<String, List<PreferenceDetail>> preferencesByUser = new ConcurrentHashMap<>();
    final List<SearchMemoryRequest> searches = new CopyOnWriteArrayList<>();
    final List<RequestOptions> searchOptions = new CopyOnWriteArrayList<>();
    final List<AddMessageRequest> adds = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    volatile Supplier<CompletableFuture<SearchMemoryResponse>> searchOverride;
    volatile Supplier<CompletableFuture<TaskReceipt>> addOverride;

    /** Seeds a fact memory for a user. */
    FakeMemosClient remember(String userId, String text, Instant time) {
        memoriesByUser
                .computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>())
                .add(memory(text, time, null));
        return this;
    }

    /** Seeds a preference for a user. */
    FakeMemosClient prefer(String userId, String text, Instant time) {
        preferencesByUser
                .computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>())
                .add(new PreferenceDetail(
                        "pref-" + ids.incrementAndGet(),
                        text,
                        null,
                        null,
                        Optional.of(Timestamp.of(time)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        return this;
    }

    MemoryDetail memory(String text, Instant time, Double relativity) {
        return detail(
                "mem-" + ids.incrementAndGet(),
                text,
                time == null ? null : Optional.of(Timestamp.of(time)),
                Optional.ofNullable(relativity));
    }

    private static MemoryDetail detail(
            String id, String text, Optional<Timestamp> createTime, Optional<Double> relativity) {
        return new MemoryDetail(
                id, null, text, null, createTime, null, null, null, null, null, relativity, null, null, null);
    }

    @Override
    public CompletableFuture<SearchMemoryResponse> searchMemory(SearchMemoryRequest request, RequestOptions options) {
        searches.add(request);
        searchOptions.add(options);
        if (searchOverride != null) {
            return searchOverride.get();
        }
        String user = request.userId().orElseThrow();
        Set<String> words = words(request.query());
        List<MemoryDetail> hits = new ArrayList<>();
        for (MemoryDetail m : memoriesByUser.getOrDefault(user, List.of())) {
            Set<String> memoryWords = words(m.text());
            long shared = memoryWords.stream().filter(words::contains).count();
            double score = memoryWords.isEmpty() ? 0 : (double) shared / memoryWords.size();
            hits.add(new MemoryDetail(
                    m.id(),
                    m.memoryKey(),
                    m.memoryValue(),
                    m.memoryType(),
                    m.createTime(),
                    m.updateTime(),
                    m.conversationId(),
                    m.status(),
                    m.confidence(),
                    m.tags(),
                    Optional.of(score),
                    m.sources(),
                    m.info(),
                    m.additionalProperties()));
        }
        hits.sort((a, b) ->
                Double.compare(b.relativity().orElse(0.0), a.relativity().orElse(0.0)));
        List<PreferenceDetail> prefs =
                request.includePreference() ? preferencesByUser.getOrDefault(user, List.of()) : List.of();
        return CompletableFuture.completedFuture(SearchMemoryResponse.of(
                hits.stream().limit(request.memoryLimitNumber()).toList(),
                prefs.stream().limit(request.preferenceLimitNumber()).toList()));
    }

    @Override
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request, RequestOptions options) {
        adds.add(request);
        if (addOverride != null) {
            return addOverride.get();
        }
        String user = request.userId().orElseThrow();
        for (Message m : request.messages()) {
            if (m.role().value().equals("user")) {
                memoriesByUser
                        .computeIfAbsent(user, u -> new CopyOnWriteArrayList<>())
                        .add(memory(m.text(), Instant.now(), null));
            }
        }
        return CompletableFuture.completedFuture(
                TaskReceipt.of("task-" + ids.incrementAndGet(), TaskStatus.of("completed")));
    }

    private static Set<String> words(String text) {
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }

    private static <T> CompletableFuture<T> unsupported(String endpoint) {
        return CompletableFuture.failedFuture(new MemosUnsupportedOperationException(endpoint, "not in the fake"));
    }

    @Override
    public CompletableFuture<GetMessageResponse> getMessage(GetMessageRequest request, RequestOptions options) {
        return unsupported("get/message");
    }

    /** Newest first, paged like the service; memories of other users never appear. */
    @Override
    public CompletableFuture<GetMemoryResponse> getMemory(GetMemoryRequest request, RequestOptions options) {
        List<MemoryDetail> all =
                new ArrayList<>(memoriesByUser.getOrDefault(request.userId().orElseThrow(), List.of()));
        java.util.Collections.reverse(all);
        int from = Math.min(all.size(), (request.page() - 1) * request.size());
        int to = Math.min(all.size(), from + request.size());
        int pages = (all.size() + request.size() - 1) / request.size();
        return CompletableFuture.completedFuture(new GetMemoryResponse(
                all.subList(from, to),
                null,
                null,
                null,
                null,
                null,
                all.size(),
                request.size(),
                request.page(),
                pages,
                null));
    }

    /** Ids are global, as on the service: deleting by id removes the memory whoever owns it. */
    @Override
    public CompletableFuture<SuccessResponse> deleteMemory(DeleteMemoryRequest request, RequestOptions options) {
        List<String> ids = request.memoryIds().orElseThrow();
        memoriesByUser.values().forEach(list -> list.removeIf(m -> ids.contains(m.id())));
        return CompletableFuture.completedFuture(SuccessResponse.ok());
    }

    /** Ids are global, as on the service: updating by id changes the memory whoever owns it. */
    @Override
    public CompletableFuture<SuccessResponse> updateMemory(UpdateMemoryRequest request, RequestOptions options) {
        for (List<MemoryDetail> list : memoriesByUser.values()) {
            for (int i = 0; i < list.size(); i++) {
                MemoryDetail m = list.get(i);
                if (m.id().equals(request.memoryId())) {
                    list.set(i, detail(m.id(), request.content().orElseThrow(), m.createTime(), Optional.empty()));
                }
            }
        }
        return CompletableFuture.completedFuture(SuccessResponse.ok());
    }

    /** The texts of a user's memories, oldest first. */
    List<String> texts(String userId) {
        return memoriesByUser.getOrDefault(userId, List.of()).stream()
                .map(MemoryDetail::memoryValue)
                .toList();
    }

    @Override
    public CompletableFuture<MemoryDetail> getMemoryById(String memoryId, RequestOptions options) {
        return unsupported("get/memory");
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
    public ChatStream chatStream(ChatRequest request, ChatEventListener listener, RequestOptions options) {
        throw new MemosUnsupportedOperationException("chat", "not in the fake");
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
    public void close() {}
}
