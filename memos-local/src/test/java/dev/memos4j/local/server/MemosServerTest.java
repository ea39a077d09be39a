package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.BindProfileTemplateRequest;
import dev.memos4j.client.model.ChatEvent;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.DeleteProfileRequest;
import dev.memos4j.client.model.EditProfileRequest;
import dev.memos4j.client.model.ExtractMemoryRequest;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.UpdateMemoryRequest;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import dev.memos4j.client.model.UploadedFile;
import dev.memos4j.testkit.FakeMemosClient;
import dev.memos4j.testkit.MemosEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemosServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FakeMemosClient backend;
    private MemosServer server;

    @BeforeEach
    void start() {
        backend = CannedBackend.create();
        server = MemosServer.builder(backend)
                .port(0)
                .maxRequestBytes(4096)
                .maxUploadBytes(64 * 1024)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- helpers ----

    private HttpResponse<String> post(String endpoint, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String rawPathAfterBase, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + rawPathAfterBase))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String messagePart)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(body.get("message").asText()).contains(messagePart);
        assertThat(body.has("data")).isTrue();
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(response.body()).doesNotContain("at dev.memos4j", "Exception");
    }

    // ---- every endpoint round-trips ----

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(
                        "add/message",
                        MemosEndpoint.ADD_MESSAGE,
                        AddMessageRequest.class,
                        "{\"user_id\":\"u1\",\"conversation_id\":\"c1\",\"async_mode\":false,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"Take the kids to the zoo on Saturday\"}]}"),
                Arguments.of(
                        "search/memory",
                        MemosEndpoint.SEARCH_MEMORY,
                        SearchMemoryRequest.class,
                        "{\"query\":\"weekend plans\",\"user_id\":\"u1\",\"memory_limit_number\":3,\"relativity\":null}"),
                Arguments.of(
                        "get/message",
                        MemosEndpoint.GET_MESSAGE,
                        GetMessageRequest.class,
                        "{\"user_id\":\"u1\",\"conversation_id\":\"c1\",\"message_limit_number\":10}"),
                Arguments.of(
                        "get/memory",
                        MemosEndpoint.GET_MEMORY,
                        GetMemoryRequest.class,
                        "{\"user_id\":\"u1\",\"page\":2,\"size\":5}"),
                Arguments.of(
                        "delete/memory",
                        MemosEndpoint.DELETE_MEMORY,
                        DeleteMemoryRequest.class,
                        "{\"memory_ids\":[\"mem-1\"]}"),
                Arguments.of(
                        "update/memory",
                        MemosEndpoint.UPDATE_MEMORY,
                        UpdateMemoryRequest.class,
                        "{\"memory_id\":\"mem-1\",\"content\":\"new text\",\"title\":null,\"status\":null}"),
                Arguments.of(
                        "add/feedback",
                        MemosEndpoint.ADD_FEEDBACK,
                        AddFeedbackRequest.class,
                        "{\"feedback_content\":\"actually I like swimming\",\"user_id\":\"u1\"}"),
                Arguments.of("get/status", MemosEndpoint.GET_TASK_STATUS, null, "{\"task_id\":\"task-1\"}"),
                Arguments.of(
                        "chat",
                        MemosEndpoint.CHAT,
                        ChatRequest.class,
                        "{\"user_id\":\"u1\",\"conversation_id\":\"c1\",\"query\":\"weekend?\",\"stream\":false}"),
                Arguments.of(
                        "create/knowledgebase",
                        MemosEndpoint.CREATE_KNOWLEDGEBASE,
                        CreateKnowledgebaseRequest.class,
                        "{\"knowledgebase_name\":\"home\",\"knowledgebase_description\":null}"),
                Arguments.of(
                        "delete/knowledgebase",
                        MemosEndpoint.DELETE_KNOWLEDGEBASE,
                        null,
                        "{\"knowledgebase_id\":\"kb-1\"}"),
                Arguments.of(
                        "add/knowledgebase-file",
                        MemosEndpoint.ADD_KNOWLEDGEBASE_FILES,
                        AddKnowledgebaseFileRequest.class,
                        "{\"knowledgebase_id\":\"kb-1\",\"file\":[{\"content\":\"aGVsbG8=\",\"name\":\"a.txt\"}]}"),
                Arguments.of(
                        "get/knowledgebase-file",
                        MemosEndpoint.GET_KNOWLEDGEBASE_FILES,
                        GetKnowledgebaseFileRequest.class,
                        "{\"file_ids\":null,\"knowledgebase_id\":\"kb-1\",\"type\":null,\"page\":1,\"page_size\":10}"),
                Arguments.of(
                        "delete/knowledgebase-file",
                        MemosEndpoint.DELETE_KNOWLEDGEBASE_FILES,
                        null,
                        "{\"file_ids\":[\"f1\",\"f2\"]}"),
                Arguments.of(
                        "extract/memory",
                        MemosEndpoint.EXTRACT_MEMORY,
                        ExtractMemoryRequest.class,
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"I like green tea\"}]}"),
                Arguments.of(
                        "rerank",
                        MemosEndpoint.RERANK,
                        RerankRequest.class,
                        "{\"query\":\"q\",\"documents\":[\"a\",\"b\"],\"top_n\":1}"),
                Arguments.of(
                        "bind/profile_template",
                        MemosEndpoint.BIND_PROFILE_TEMPLATE,
                        BindProfileTemplateRequest.class,
                        "{\"bind_list\":[{\"profile_template_id\":\"p1\",\"user_id\":\"u1\"}]}"),
                Arguments.of(
                        "edit/profile",
                        MemosEndpoint.EDIT_PROFILE,
                        EditProfileRequest.class,
                        "{\"profile_template_id\":\"p1\",\"user_id\":\"u1\",\"metadata\":{\"basic\":{\"city\":\"Hangzhou\"}}}"),
                Arguments.of(
                        "delete/profile",
                        MemosEndpoint.DELETE_PROFILE,
                        DeleteProfileRequest.class,
                        "{\"profile_template_id\":\"p1\",\"user_id\":\"u1\",\"agent_id\":null}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyPostEndpointPassesTheParsedRequestAndWrapsTheResultInTheEnvelope(
            String endpoint, MemosEndpoint<?, ?> method, Class<?> model, String requestJson) throws Exception {
        HttpResponse<String> response = post(endpoint, requestJson);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode body = json(response);
        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.get("message").asText()).isEqualTo("ok");
        assertThat(body.fieldNames()).toIterable().containsExactly("code", "message", "data");
        Object received = backend.requests(method).get(0);
        if (model != null) {
            assertThat(received).isEqualTo(Json.MAPPER.readValue(requestJson, model));
        }
        assertThat(body.get("data"))
                .isEqualTo(Json.MAPPER.readTree(Json.write(CannedBackend.answer(method, received))));
    }

    /** The last request an endpoint of the backend received. */
    private <Q> Q last(MemosEndpoint<Q, ?> endpoint) {
        List<Q> received = backend.requests(endpoint);
        assertThat(received).as("requests to %s", endpoint).isNotEmpty();
        return received.get(received.size() - 1);
    }

    /** Makes the backend keep the content of uploaded files, read while the call sees them on disk. */
    @SuppressWarnings("unchecked")
    private Map<String, byte[]> keepUploadedContent(List<Path> paths) {
        Map<String, byte[]> content = new ConcurrentHashMap<>();
        backend.on(MemosEndpoint.UPLOAD_KNOWLEDGEBASE_FILES).thenAnswer(request -> {
            for (Path file : request.files()) {
                try {
                    content.put(file.getFileName().toString(), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                paths.add(file);
            }
            return (List<UploadedFile>) CannedBackend.answer(MemosEndpoint.UPLOAD_KNOWLEDGEBASE_FILES, request);
        });
        return content;
    }

    @Test
    void plainArgumentsArePassedAsSent() throws Exception {
        post("get/status", "{\"task_id\":\"task-9\"}");
        post("delete/knowledgebase", "{\"knowledgebase_id\":\"kb-7\"}");
        post("delete/knowledgebase-file", "{\"file_ids\":[\"f1\",\"f2\"]}");

        assertThat(last(MemosEndpoint.GET_TASK_STATUS)).isEqualTo("task-9");
        assertThat(last(MemosEndpoint.DELETE_KNOWLEDGEBASE)).isEqualTo("kb-7");
        assertThat(last(MemosEndpoint.DELETE_KNOWLEDGEBASE_FILES)).isEqualTo(List.of("f1", "f2"));
    }

    @Test
    void envelopesAreExactlyTheCloudShape() throws Exception {
        assertThat(post("add/message", "{\"user_id\":\"u1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                        .body())
                .isEqualTo(
                        "{\"code\":0,\"message\":\"ok\",\"data\":{\"success\":true,\"task_id\":\"task-1\",\"status\":\"running\"}}");
        assertThat(post("get/status", "{\"task_id\":\"task-1\"}").body())
                .isEqualTo("{\"code\":0,\"message\":\"ok\",\"data\":"
                        + "{\"task_id\":\"task-1\",\"status\":\"completed\",\"memory_views\":{\"added\":1}}}");
        assertThat(post("search/memory", "{\"query\":\"q\"}").body())
                .isEqualTo(
                        "{\"code\":40002,\"message\":\"exactly one of user_id or agent_id is required\",\"data\":null}");
    }

    @Test
    void getMemoryByIdAnswersTheMemory() throws Exception {
        HttpResponse<String> response = get("get/memory/mem-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(last(MemosEndpoint.GET_MEMORY_BY_ID)).isEqualTo("mem-1");
        assertThat(Json.MAPPER.treeToValue(json(response).get("data"), MemoryDetail.class))
                .isEqualTo(CannedBackend.MEMORY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "with space", "..", "../etc/passwd", "50%+off", "记忆-🧠", "a?b#c", "%2F"})
    void idsAreDecodedAndPassedOnAsOpaqueStrings(String id) throws Exception {
        HttpResponse<String> response = get("get/memory/" + percentEncodeEverything(id));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(last(MemosEndpoint.GET_MEMORY_BY_ID)).isEqualTo(id);
    }

    @Test
    void aLiteralDotDotIdIsNotTreatedAsAPathStep() throws Exception {
        HttpResponse<String> response = get("get/memory/..");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(last(MemosEndpoint.GET_MEMORY_BY_ID)).isEqualTo("..");
    }

    @Test
    void anEmptyIdIsAMissingParameter() throws Exception {
        assertError(get("get/memory/"), 400, 40002, "memid is required");
        assertError(get("get/memory/%E0%A4"), 400, 40000, "UTF-8");
    }

    /** Like Python's {@code quote(id, safe="")}: every byte but unreserved characters is encoded. */
    static String percentEncodeEverything(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    // ---- text survives exactly ----

    static final String HOSTILE =
            "emoji 🧠👨‍👩‍👧 CJK 周六带孩子去动物园 RTL שלום مرحبا \u200f control \u0000\u0001\u001f\u007f"
                    + " quotes \"'` backslash \\ \\\" \\u0041 slash / </script> <!-- json {\"a\":[1,}] line\u2028sep\u2029"
                    + " cr\r lf\n tab\t lone-surrogate-free \uFFFD";

    @Test
    void unicodeControlCharactersAndJsonHostileTextRoundTripExactly() throws Exception {
        String request = Json.write(AddMessageRequest.builder()
                .userId("u1")
                .addMessage(dev.memos4j.client.model.Message.user(HOSTILE))
                .build());
        assertThat(post("add/message", request).statusCode()).isEqualTo(200);
        AddMessageRequest received = (AddMessageRequest) last(MemosEndpoint.ADD_MESSAGE);
        assertThat(Json.write(received)).isEqualTo(request);
        assertThat(Json.tree(received.messages().get(0)).get("content").asText())
                .isEqualTo(HOSTILE);

        backend.on(MemosEndpoint.SEARCH_MEMORY)
                .thenReturn(CannedBackend.search(CannedBackend.read(
                        "{\"id\":\"m\",\"memory_value\":" + Json.write(HOSTILE) + "}", MemoryDetail.class)));
        HttpResponse<String> search =
                post("search/memory", "{\"query\":" + Json.write(HOSTILE) + ",\"user_id\":\"u1\"}");
        assertThat(((SearchMemoryRequest) last(MemosEndpoint.SEARCH_MEMORY)).query())
                .isEqualTo(HOSTILE);
        assertThat(json(search).at("/data/memory_detail_list/0/memory_value").asText())
                .isEqualTo(HOSTILE);
    }

    @Test
    void bodiesWithoutACharsetAreUtf8() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/search/memory"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"周六\",\"user_id\":\"u1\"}", StandardCharsets.UTF_8))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(((SearchMemoryRequest) last(MemosEndpoint.SEARCH_MEMORY)).query())
                .isEqualTo("周六");
    }

    // ---- bad input ----

    @Test
    void malformedJsonIsA400() throws Exception {
        assertError(post("search/memory", "{\"query\": "), 400, 40000, "malformed JSON");
        assertError(post("search/memory", "not json"), 400, 40000, "malformed JSON");
        assertError(post("search/memory", "[1,2]"), 400, 40000, "must be a JSON object");
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void wrongTypesNameTheField() throws Exception {
        assertError(
                post("search/memory", "{\"query\":\"q\",\"user_id\":\"u\",\"memory_limit_number\":\"lots\"}"),
                400,
                40000,
                "memory_limit_number");
        assertError(
                post("search/memory", "{\"query\":\"q\",\"user_id\":\"u\",\"include_preference\":\"maybe\"}"),
                400,
                40000,
                "include_preference");
        assertError(post("add/message", "{\"user_id\":\"u\",\"messages\":\"hi\"}"), 400, 40000, "messages");
        assertError(post("get/status", "{\"task_id\":{\"id\":1}}"), 400, 40000, "task_id");
        assertError(post("delete/knowledgebase-file", "{\"file_ids\":\"f1\"}"), 400, 40000, "file_ids");
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void validationFailuresUseTheModelsMessages() throws Exception {
        assertError(post("search/memory", "{\"user_id\":\"u\"}"), 400, 40002, "query is required");
        assertError(post("search/memory", "{}"), 400, 40002, "query is required");
        assertError(post("search/memory", ""), 400, 40002, "query is required");
        assertError(
                post("search/memory", "{\"query\":\"q\",\"user_id\":\"u\",\"memory_limit_number\":99}"),
                400,
                40000,
                "memory_limit_number must be between 0 and 25");
        assertError(post("get/status", "{}"), 400, 40002, "task_id is required");
        assertError(post("delete/memory", "{}"), 400, 40000, "exactly one delete condition is required");
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void oversizedBodiesAreRefusedWith413() throws Exception {
        String big = "{\"query\":\"" + "x".repeat(5000) + "\",\"user_id\":\"u\"}";
        assertError(post("search/memory", big), 413, 41300, "4096 bytes");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/search/memory"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertError(HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, 41300, "4096 bytes");
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertError(post("search/memories", "{}"), 404, 40400, "no endpoint");
        assertError(post("search/memory/", "{}"), 404, 40400, "no endpoint");
        HttpResponse<String> root = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl().replace("/api/openmem/v1", "/nope")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(root, 404, 40400, "no endpoint");

        HttpResponse<String> getSearch = get("search/memory");
        assertError(getSearch, 405, 40500, "use POST");
        assertThat(getSearch.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> postById = post("get/memory/mem-1", "{}");
        assertError(postById, 405, 40500, "use GET");
        assertThat(postById.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void healthAnswersWithoutTheApiPrefix() throws Exception {
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl().replace("/api/openmem/v1", "/health")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"healthy\",\"service\":\"memos4j-local\"}");
    }

    @Test
    void requestIdsAreEchoedWhenSafeAndGeneratedOtherwise() throws Exception {
        assertThat(post("get/status", "{\"task_id\":\"t\"}", "x-request-id", "abc-123")
                        .headers()
                        .firstValue("x-request-id"))
                .hasValue("abc-123");
        assertThat(post("get/status", "{\"task_id\":\"t\"}", "x-request-id", "evil\tvalue<script>")
                        .headers()
                        .firstValue("x-request-id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(post("nope", "{}").headers().firstValue("x-request-id")).isPresent();
    }

    // ---- backend failures ----

    @Test
    void backendServiceErrorsKeepTheirStatusAndCode() throws Exception {
        backend.on(MemosEndpoint.GET_MEMORY_BY_ID)
                .thenFail(new MemosNotFoundException(404, 40001, "memory mem-9 not found", null, null));
        assertError(get("get/memory/mem-9"), 404, 40001, "memory mem-9 not found");

        backend.on(MemosEndpoint.SEARCH_MEMORY)
                .thenFail(MemosServiceException.of(503, 50004, "memory service unavailable", null, null, null));
        assertError(
                post("search/memory", "{\"query\":\"q\",\"user_id\":\"u\"}"), 503, 50004, "memory service unavailable");

        backend.on(MemosEndpoint.SEARCH_MEMORY)
                .thenFail(new IllegalArgumentException("filter must have exactly one of and/or at its root"));
        assertError(post("search/memory", "{\"query\":\"q\",\"user_id\":\"u\"}"), 400, 40000, "filter must have");
    }

    @Test
    void unsupportedOperationsAre400NamingTheEndpointSoClientsDoNotRetry() throws Exception {
        backend.on(MemosEndpoint.CHAT).thenFail(new MemosUnsupportedOperationException("chat", "no LLM is configured"));
        assertError(
                post("chat", "{\"user_id\":\"u\",\"conversation_id\":\"c\",\"query\":\"q\"}"),
                400,
                40006,
                "chat is not supported: no LLM is configured");
    }

    @Test
    void unexpectedFailuresAreAGeneric500WithoutDetail() throws Exception {
        backend.on(MemosEndpoint.SEARCH_MEMORY).thenFail(new IllegalStateException("secret internal detail"));
        HttpResponse<String> response = post("search/memory", "{\"query\":\"q\",\"user_id\":\"u\"}");

        assertError(response, 500, 50000, "internal server error");
        assertThat(response.body()).doesNotContain("secret internal detail");
        assertThat(json(response).get("message").asText())
                .contains(response.headers().firstValue("x-request-id").orElseThrow());
    }

    /** A value Jackson cannot write: its only property throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("secret serialisation detail");
        }
    }

    @Test
    void aResultThatCannotBeWrittenIsStillAnswered() throws Exception {
        MemoryDetail unwritable = new MemoryDetail(
                "m",
                Optional.empty(),
                "v",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                java.util.Map.of("broken", new Unwritable()),
                java.util.Map.of());
        backend.on(MemosEndpoint.GET_MEMORY_BY_ID).thenReturn(unwritable);

        HttpResponse<String> response = get("get/memory/m");

        assertError(response, 500, 50000, "internal server error");
        assertThat(response.body()).doesNotContain("secret serialisation detail");
    }

    // ---- streaming chat ----

    private HttpResponse<String> streamChat() throws Exception {
        return post("chat", "{\"user_id\":\"u1\",\"conversation_id\":\"c1\",\"query\":\"weekend?\",\"stream\":true}");
    }

    @Test
    void streamingChatSendsCloudStyleEvents() throws Exception {
        HttpResponse<String> response = streamChat();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.body()).isEqualTo("""
                event: message
                data: {"type":"text","data":"Hello"}

                event: message
                data: {"type":"text","data":" there"}

                event: message
                data: {"type":"end","data":""}

                data: [DONE]

                """);
        assertThat(((ChatRequest) last(MemosEndpoint.CHAT_STREAM)).stream()).isTrue();
    }

    @Test
    void streamedTextWithLineBreaksStaysOneDataLine() throws Exception {
        backend.on(MemosEndpoint.CHAT_STREAM)
                .thenReturn(List.of(
                        new ChatEvent("reasoning", "think\nhard", null),
                        new ChatEvent(ChatEvent.TEXT, HOSTILE, null),
                        new ChatEvent(ChatEvent.END, "", null)));
        HttpResponse<String> response = streamChat();

        List<String> dataLines =
                response.body().lines().filter(l -> l.startsWith("data: ")).toList();
        assertThat(dataLines).hasSize(4).last().isEqualTo("data: [DONE]");
        assertThat(Json.MAPPER
                        .readTree(dataLines.get(0).substring(6))
                        .get("data")
                        .asText())
                .isEqualTo("think\nhard");
        assertThat(Json.MAPPER
                        .readTree(dataLines.get(1).substring(6))
                        .get("data")
                        .asText())
                .isEqualTo(HOSTILE);
        assertThat(dataLines.get(2)).isEqualTo("data: {\"type\":\"end\",\"data\":\"\"}");
    }

    @Test
    void aStreamThatFailsBeforeAnyEventGetsAnErrorEnvelope() throws Exception {
        backend.on(MemosEndpoint.CHAT_STREAM)
                .thenFail(new MemosUnsupportedOperationException("chat", "no LLM is configured"));
        assertError(streamChat(), 400, 40006, "no LLM is configured");
    }

    @Test
    void aStreamThatFailsMidwayEndsWithAnErrorEventAndDone() throws Exception {
        // An error event: the backend's stream fails halfway with a MemosStreamException carrying "secret".
        backend.on(MemosEndpoint.CHAT_STREAM)
                .thenReturn(
                        List.of(new ChatEvent(ChatEvent.TEXT, "Hel", null), new ChatEvent("error", "secret", null)));
        HttpResponse<String> response = streamChat();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("data: {\"type\":\"text\",\"data\":\"Hel\"}")
                .contains("\"type\":\"error\"")
                .contains("\"code\":50000")
                .doesNotContain("secret")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void aClientThatHangsUpCancelsTheBackendStream() throws Exception {
        backend.on(MemosEndpoint.CHAT_STREAM)
                .delay(java.time.Duration.ofMillis(5))
                .thenReturn(java.util.Collections.nCopies(5_000, new ChatEvent(ChatEvent.TEXT, "token ", null)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user_id\":\"u\",\"conversation_id\":\"c\",\"query\":\"q\",\"stream\":true}"))
                .build();
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            assertThat(new String(body.readNBytes(20), StandardCharsets.UTF_8)).startsWith("event: message");
        }

        // The server notices on its next writes; wait for that (bounded), then the stream must be cancelled.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!backendStreamCancelled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(backendStreamCancelled()).isTrue();
    }

    private boolean backendStreamCancelled() {
        return backend.chatStreams().stream()
                .anyMatch(stream -> stream.completion().isCancelled());
    }

    // ---- multipart upload ----

    private static byte[] multipart(String boundary, List<String[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] part : parts) {
            String disposition = "Content-Disposition: form-data; name=\"" + part[0] + "\""
                    + (part[1] == null ? "" : "; filename=\"" + part[1] + "\"");
            out.writeBytes(("--" + boundary + "\r\n" + disposition + "\r\nContent-Type: text/plain\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part[2].getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> upload(String query, byte[] body, String boundary) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/add/knowledgebase-file" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void multipartUploadsReachTheBackendAsFilesAndAreCleanedUp() throws Exception {
        String boundary = "----memos4j-" + "7MA4YWxkTrZu0gW";
        String content = "Family notes\r\n--not-a-boundary\r\n周六 zoo 🦁";
        byte[] body = multipart(
                boundary,
                List.of(
                        new String[] {"file", "notes.txt", content},
                        new String[] {"file", "../../etc/passwd", "second"},
                        new String[] {"comment", null, "ignored"}));

        List<Path> paths = new CopyOnWriteArrayList<>();
        Map<String, byte[]> uploaded = keepUploadedContent(paths);

        HttpResponse<String> response = upload("?knowledgebase_id=kb%201&type=doc", body, boundary);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UploadKnowledgebaseFilesRequest received =
                (UploadKnowledgebaseFilesRequest) last(MemosEndpoint.UPLOAD_KNOWLEDGEBASE_FILES);
        assertThat(received.knowledgebaseId()).isEqualTo("kb 1");
        assertThat(received.type()).hasValue("doc");
        assertThat(uploaded.keySet()).containsExactlyInAnyOrder("notes.txt", "passwd");
        assertThat(new String(uploaded.get("notes.txt"), StandardCharsets.UTF_8))
                .isEqualTo(content);
        assertThat(json(response).get("data")).hasSize(2);
        assertThat(json(response).at("/data/0/name").asText()).isEqualTo("notes.txt");
        assertThat(paths).hasSize(2);
        for (Path path : paths) {
            assertThat(Files.exists(path)).as("temporary file %s deleted", path).isFalse();
        }
    }

    @Test
    void multipartUploadsFallBackToInlineContentWhenTheBackendOnlyTakesThat() throws Exception {
        backend.on(MemosEndpoint.UPLOAD_KNOWLEDGEBASE_FILES)
                .thenFail(new MemosUnsupportedOperationException(
                        "add/knowledgebase-file (multipart)", "inline content only"));
        String boundary = "b0undary";
        byte[] body = multipart(boundary, List.<String[]>of(new String[] {"file", "dir/notes.md", "# 周六\nzoo"}));

        HttpResponse<String> response = upload("?knowledgebase_id=kb-1", body, boundary);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        AddKnowledgebaseFileRequest inline = (AddKnowledgebaseFileRequest) last(MemosEndpoint.ADD_KNOWLEDGEBASE_FILES);
        assertThat(inline.knowledgebaseId()).isEqualTo("kb-1");
        assertThat(inline.file()).singleElement().satisfies(file -> {
            assertThat(file.name()).hasValue("notes.md");
            assertThat(new String(java.util.Base64.getDecoder().decode(file.content()), StandardCharsets.UTF_8))
                    .isEqualTo("# 周六\nzoo");
        });
    }

    @Test
    void multipartUploadsAreValidated() throws Exception {
        String boundary = "b0undary";
        byte[] oneFile = multipart(boundary, List.<String[]>of(new String[] {"file", "a.txt", "x"}));
        assertError(upload("", oneFile, boundary), 400, 40002, "knowledgebase_id is required");
        assertError(
                upload(
                        "?knowledgebase_id=kb-1",
                        multipart(boundary, List.<String[]>of(new String[] {"other", null, "x"})),
                        boundary),
                400,
                40002,
                "file is required");
        assertError(
                upload("?knowledgebase_id=kb-1", "garbage".getBytes(StandardCharsets.UTF_8), boundary),
                400,
                40000,
                "malformed multipart");
        byte[] huge = multipart(boundary, List.<String[]>of(new String[] {"file", "big.txt", "x".repeat(70 * 1024)}));
        assertError(upload("?knowledgebase_id=kb-1", huge, boundary), 413, 41300, "65536 bytes");
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void uploadsMayBeLargerThanJsonBodies() throws Exception {
        String boundary = "b0undary";
        byte[] body = multipart(boundary, List.<String[]>of(new String[] {"file", "a.txt", "y".repeat(10_000)}));
        Map<String, byte[]> uploaded = keepUploadedContent(new CopyOnWriteArrayList<>());
        assertThat(upload("?knowledgebase_id=kb-1", body, boundary).statusCode())
                .isEqualTo(200);
        assertThat(uploaded.get("a.txt")).hasSize(10_000);
    }

    // ---- authentication ----

    @Nested
    class WithApiKey {

        private MemosServer secured;

        @BeforeEach
        void startSecured() {
            secured = MemosServer.builder(backend)
                    .port(0)
                    .apiKey("local-secret-key")
                    .build()
                    .start();
        }

        @AfterEach
        void stopSecured() {
            secured.close();
        }

        private HttpResponse<String> search(String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(secured.baseUrl() + "/search/memory"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"q\",\"user_id\":\"u\"}"));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void aMissingKeyIsRefused() throws Exception {
            assertError(search(), 401, 40100, "API key authentication required");
            assertThat(backend.calls()).isEmpty();
        }

        @Test
        void aWrongKeyIsRefusedWithoutEchoingAnyKey() throws Exception {
            HttpResponse<String> response = search("Authorization", "Token wrong-key");
            assertError(response, 401, 40132, "API key invalid");
            assertThat(response.body()).doesNotContain("wrong-key", "local-secret-key");
            assertError(search("Authorization", "Bearer local-secret-key"), 401, 40132, "API key invalid");
            assertError(search("Authorization", "Token local-secret-ke"), 401, 40132, "API key invalid");
            assertThat(backend.calls()).isEmpty();
        }

        @Test
        void theRightKeyIsAccepted() throws Exception {
            assertThat(search("Authorization", "Token local-secret-key").statusCode())
                    .isEqualTo(200);
            assertThat(secured.toString()).doesNotContain("local-secret-key");
        }

        @Test
        void healthNeedsNoKey() throws Exception {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(secured.baseUrl().replace("/api/openmem/v1", "/health")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void concurrentRequestsAreAllAnsweredCorrectly() throws Exception {
        int threads = 8;
        int perThread = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<String>>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> taskIds = new java.util.ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        HttpResponse<String> response =
                                post("get/status", "{\"task_id\":\"t-" + thread + "-" + i + "\"}");
                        assertThat(response.statusCode()).isEqualTo(200);
                        taskIds.add(json(response).at("/data/task_id").asText());
                    }
                    return taskIds;
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<String> expected = new java.util.ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    expected.add("t-" + t + "-" + i);
                }
                assertThat(results.get(t).get(60, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(backend.callCount(MemosEndpoint.GET_TASK_STATUS)).isEqualTo(threads * perThread);
    }

    // ---- lifecycle ----

    @Test
    void closeReleasesThePortAndIsIdempotent() throws Exception {
        int port = server.port();
        server.close();
        server.close();
        try (MemosServer again = MemosServer.builder(backend).port(port).build().start()) {
            assertThat(again.port()).isEqualTo(port);
            assertThat(again.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/api/openmem/v1");
        }
    }

    @Test
    void configuresTheJdkServerForSmallFastResponsesAndAgainstSlowClients() {
        // Without nodelay every response waits for the client's delayed ACK (about 40 ms on Linux).
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        // Without a request time limit a client sending one byte a minute holds a thread for ever.
        assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("10");
    }

    @Test
    void builderRejectsBadSettings() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MemosServer.builder(backend).port(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MemosServer.builder(backend).maxRequestBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRequestBytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MemosServer.builder(backend).apiKey(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MemosServer.builder(backend).build().port())
                .isInstanceOf(IllegalStateException.class);
        assertThat(Optional.of(server.baseUrl()))
                .hasValueSatisfying(url -> assertThat(url).endsWith("/api/openmem/v1"));
    }
}
