package dev.memos4j.local.server;

import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.ChatEvent;
import dev.memos4j.client.model.ChatResponse;
import dev.memos4j.client.model.CreateKnowledgebaseResponse;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageResponse;
import dev.memos4j.client.model.KnowledgebaseFilePage;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.RerankResponse;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.UploadedFile;
import dev.memos4j.testkit.FakeMemosClient;
import dev.memos4j.testkit.MemosEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's backend in tests: a testkit {@link FakeMemosClient} whose every endpoint answers a fixed
 * response in the cloud's shapes (read from JSON, as the client reads them), so a test compares what the
 * server relays with {@link #answer}. Tests script failures and other answers on top.
 */
final class CannedBackend {

    static final MemoryDetail MEMORY = read("""
            {"id":"mem-1","memory_key":"zoo","memory_value":"Take the kids to the zoo on Saturday",
             "memory_type":"LongTermMemory","create_time":1765359875901,"tags":["mode:fast"]}""", MemoryDetail.class);
    static final TaskReceipt RECEIPT =
            read("{\"success\":true,\"task_id\":\"task-1\",\"status\":\"running\"}", TaskReceipt.class);
    static final SuccessResponse SUCCESS = read("{\"success\":true}", SuccessResponse.class);
    static final UploadedFile UPLOADED =
            read("{\"id\":\"file-1\",\"name\":\"a.txt\",\"sizeMB\":0.1,\"status\":\"PROCESSING\"}", UploadedFile.class);
    /** The chat stream's events, unless a test scripts others. */
    static final List<ChatEvent> STREAM =
            List.of(new ChatEvent(ChatEvent.TEXT, "Hello", null), new ChatEvent(ChatEvent.TEXT, " there", null));

    private static final Map<MemosEndpoint<?, ?>, Function<Object, Object>> ANSWERS = new LinkedHashMap<>();

    static {
        put(MemosEndpoint.ADD_MESSAGE, request -> RECEIPT);
        put(MemosEndpoint.SEARCH_MEMORY, request -> search(MEMORY));
        put(
                MemosEndpoint.GET_MESSAGE,
                request -> read(
                        "{\"message_detail_list\":[{\"role\":\"user\",\"content\":\"hi\",\"create_time\":1}]}",
                        GetMessageResponse.class));
        put(
                MemosEndpoint.GET_MEMORY,
                request -> read(
                        "{\"memory_detail_list\":[" + Json.write(MEMORY)
                                + "],\"total\":1,\"size\":10,\"current\":1,\"pages\":1}",
                        GetMemoryResponse.class));
        put(MemosEndpoint.GET_MEMORY_BY_ID, id -> MEMORY);
        put(MemosEndpoint.DELETE_MEMORY, request -> SUCCESS);
        put(MemosEndpoint.UPDATE_MEMORY, request -> SUCCESS);
        put(MemosEndpoint.ADD_FEEDBACK, request -> RECEIPT);
        put(
                MemosEndpoint.GET_TASK_STATUS,
                taskId -> read(
                        "{\"task_id\":\"" + taskId + "\",\"status\":\"completed\",\"memory_views\":{\"added\":1}}",
                        TaskStatusResponse.class));
        put(MemosEndpoint.CHAT, request -> read("{\"response\":\"You are going to the zoo.\"}", ChatResponse.class));
        put(MemosEndpoint.CHAT_STREAM, request -> STREAM);
        put(
                MemosEndpoint.CREATE_KNOWLEDGEBASE,
                request -> read("{\"id\":\"kb-1\"}", CreateKnowledgebaseResponse.class));
        put(MemosEndpoint.DELETE_KNOWLEDGEBASE, id -> SUCCESS);
        put(MemosEndpoint.ADD_KNOWLEDGEBASE_FILES, request -> List.of(UPLOADED));
        put(
                MemosEndpoint.UPLOAD_KNOWLEDGEBASE_FILES,
                request -> request.files().stream()
                        .map(file -> new UploadedFile(
                                "file-" + request.files().indexOf(file),
                                Optional.of(file.getFileName().toString()),
                                Optional.empty(),
                                Optional.of("PROCESSING"),
                                Map.of()))
                        .toList());
        put(
                MemosEndpoint.GET_KNOWLEDGEBASE_FILES,
                request -> read(
                        "{\"file_detail_list\":[{\"id\":\"file-1\",\"name\":\"a.txt\",\"size\":\"1KB\",\"status\":\"completed\"}],"
                                + "\"total\":1,\"page\":1,\"page_size\":10}",
                        KnowledgebaseFilePage.class));
        put(MemosEndpoint.DELETE_KNOWLEDGEBASE_FILES, ids -> SUCCESS);
        put(
                MemosEndpoint.EXTRACT_MEMORY,
                request -> read(
                        "{\"success\":true,\"memory_detail_list\":[{\"memory_key\":\"k\",\"memory_value\":\"v\","
                                + "\"memory_type\":\"UserMemory\",\"tags\":[]}],\"preference_detail_list\":[]}",
                        ExtractMemoryResponse.class));
        put(
                MemosEndpoint.RERANK,
                request -> read(
                        "{\"id\":\"rerank-1\",\"results\":[{\"index\":1,\"relevance_score\":0.9}]}",
                        RerankResponse.class));
        put(MemosEndpoint.BIND_PROFILE_TEMPLATE, request -> SUCCESS);
        put(MemosEndpoint.EDIT_PROFILE, request -> SUCCESS);
        put(MemosEndpoint.DELETE_PROFILE, request -> SUCCESS);
    }

    private CannedBackend() {}

    /** A fake answering every endpoint with its canned response. */
    static FakeMemosClient create() {
        FakeMemosClient fake = new FakeMemosClient();
        ANSWERS.forEach((endpoint, answer) -> answerWith(fake, endpoint, answer));
        return fake;
    }

    /** What {@link #create()}'s fake answers {@code request} at {@code endpoint}, computed afresh. */
    static Object answer(MemosEndpoint<?, ?> endpoint, Object request) {
        return ANSWERS.get(endpoint).apply(request);
    }

    /** A search response holding one memory. */
    static SearchMemoryResponse search(MemoryDetail memory) {
        return read(
                "{\"memory_detail_list\":[" + Json.write(memory)
                        + "],\"preference_detail_list\":[],\"preference_note\":\"\"}",
                SearchMemoryResponse.class);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <Q, R> void put(MemosEndpoint<Q, R> endpoint, Function<Q, R> answer) {
        ANSWERS.put(endpoint, request -> answer.apply((Q) request));
    }

    @SuppressWarnings("unchecked")
    private static <Q, R> void answerWith(
            FakeMemosClient fake, MemosEndpoint<Q, R> endpoint, Function<Object, Object> answer) {
        fake.on(endpoint).otherwise(request -> (R) answer.apply(request));
    }
}
