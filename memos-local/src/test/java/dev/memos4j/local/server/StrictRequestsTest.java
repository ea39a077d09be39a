package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.internal.Json;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.testkit.FakeMemosClient;
import dev.memos4j.testkit.MemosEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests that used to end in a 500 or be silently misread: each is a 4xx naming the field, or is served
 * correctly; none reaches the engine half-understood.
 */
class StrictRequestsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalMemos engine;
    private MemosServer server;

    @BeforeEach
    void start() {
        engine = LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
        server = MemosServer.builder(engine).port(0).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private HttpResponse<String> post(String endpoint, String contentType, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + endpoint))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String endpoint, String json) throws Exception {
        return post(endpoint, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private static String ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + prefix + i + "\"").collect(Collectors.joining(","));
    }

    private String createBase() throws Exception {
        return body(post("create/knowledgebase", "{\"knowledgebase_name\":\"home\"}"))
                .get("data")
                .get("id")
                .asText();
    }

    // ---- 500s that should not be ----

    @Test
    void farPagesAreEmptyNotAnOverflow() throws Exception {
        HttpResponse<String> memories = post("get/memory", "{\"user_id\":\"u1\",\"page\":2147483647,\"size\":50}");
        String base = createBase();
        HttpResponse<String> files = post(
                "get/knowledgebase-file",
                "{\"knowledgebase_id\":\"" + base + "\",\"page\":3,\"page_size\":1073741824}");

        assertThat(memories.statusCode()).as(memories.body()).isEqualTo(200);
        assertThat(body(memories).get("data").get("memory_detail_list")).isEmpty();
        assertThat(files.statusCode()).as(files.body()).isEqualTo(200);
    }

    @Test
    void thousandsOfIdsAreServed() throws Exception {
        String base = createBase();
        HttpResponse<String> delete = post("delete/memory", "{\"memory_ids\":[" + ids("m", 1500) + "]}");
        HttpResponse<String> search = post(
                "search/memory",
                "{\"query\":\"q\",\"user_id\":\"u1\",\"knowledgebase_ids\":[" + ids("kb", 1499) + ",\"" + base
                        + "\"]}");
        HttpResponse<String> files =
                post("get/knowledgebase-file", "{\"file_ids\":[" + ids("f", 1500) + "],\"knowledgebase_id\":null}");

        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(files.statusCode()).as(files.body()).isEqualTo(200);
    }

    @Test
    void tooManyFilterConditionsAreA400NamingTheFilter() throws Exception {
        String conditions = IntStream.range(0, 2000)
                .mapToObj(i -> "{\"scene\":\"s" + i + "\"}")
                .collect(Collectors.joining(","));

        HttpResponse<String> response =
                post("search/memory", "{\"query\":\"q\",\"user_id\":\"u1\",\"filter\":{\"or\":[" + conditions + "]}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).contains("filter.or has 2000 conditions; at most 1024");
    }

    @Test
    void aFileNameOfMoreThan255BytesIsStoredShortened() throws Exception {
        String base = createBase();
        String name = "周".repeat(300) + ".txt"; // 904 bytes in UTF-8
        String multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\nThe boiler is serviced every October.\r\n--XyZ--\r\n";

        HttpResponse<String> response = post(
                "add/knowledgebase-file?knowledgebase_id=" + base,
                "multipart/form-data; boundary=XyZ",
                multipart.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    // ---- strict parsing ----

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "get/memory|{\"user_id\":\"u1\",\"page\":99999999999}|field page is out of range",
                "get/memory|{\"user_id\":\"u1\",\"page\":\"99999999999\"}|page",
                "search/memory|{\"query\":\"q\",\"user_id\":\"u1\"} trailing|malformed JSON",
                "search/memory|{\"query\":\"q\",\"user_id\":\"u1\"}{}|malformed JSON",
                "search/memory|{\"query\":\"q\",\"user_id\":123}|user_id",
                "search/memory|{\"query\":\"q\",\"user_id\":true}|user_id",
                "delete/memory|{\"memory_ids\":[1,2]}|memory_ids",
                "add/message|{\"user_id\":\"u1\",\"messages\":[{\"role\":\"admin\",\"content\":\"x\"}]}"
                        + "|messages[0].role must be user, assistant, system or tool"
            })
    void mistakesAre400sNamingTheField(String endpoint, String json, String message) throws Exception {
        HttpResponse<String> response = post(endpoint, json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).contains(message);
    }

    @Test
    void moreMessagesThanTheCapAreA413() throws Exception {
        String messages = IntStream.range(0, 201)
                .mapToObj(i -> "{\"role\":\"user\",\"content\":\"turn " + i + "\"}")
                .collect(Collectors.joining(","));

        HttpResponse<String> response = post("add/message", "{\"user_id\":\"u1\",\"messages\":[" + messages + "]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(body(response).get("message").asText()).contains("messages has 201 items; at most 200");
    }

    @Test
    void aJsonUploadAsLargeAsTheUploadLimitIsNotMalformed() throws Exception {
        FakeMemosClient fake = CannedBackend.create();
        try (MemosServer big = MemosServer.builder(fake)
                .port(0)
                .maxUploadBytes(40L * 1024 * 1024)
                .build()
                .start()) {
            // 16 MB of text is 21 million base64 characters: above Jackson's default string limit.
            String content = Base64.getEncoder().encodeToString(new byte[16 * 1024 * 1024]);
            String json =
                    "{\"knowledgebase_id\":\"kb-1\",\"file\":[{\"content\":\"" + content + "\",\"name\":\"a.txt\"}]}";
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(big.baseUrl() + "/add/knowledgebase-file"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(fake.requests(MemosEndpoint.ADD_KNOWLEDGEBASE_FILES)).hasSize(1);
        }
    }

    @Test
    void uploadsInMemoryAtOnceAreBoundedAndTheRestAskedToRetry() throws Exception {
        FakeMemosClient fake = CannedBackend.create();
        // An upload limit far above a quarter of the heap leaves room for one upload at a time.
        try (MemosServer bounded = MemosServer.builder(fake)
                .port(0)
                .maxUploadBytes(1L << 50)
                .build()
                .start()) {
            String json = "{\"knowledgebase_id\":\"kb-1\",\"file\":[{\"content\":\"aGVsbG8=\",\"name\":\"a.txt\"}]}";
            HttpRequest upload = HttpRequest.newBuilder(URI.create(bounded.baseUrl() + "/add/knowledgebase-file"))
                    .timeout(java.time.Duration.ofSeconds(30)) // a hang guard: unbounded, the second upload waited
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            java.util.concurrent.CompletableFuture<Void> release = new java.util.concurrent.CompletableFuture<>();
            // The first upload is held until released; later ones are answered at once.
            fake.on(MemosEndpoint.ADD_KNOWLEDGEBASE_FILES)
                    .thenAnswerAsync(request -> release.thenApply(v -> List.of(CannedBackend.UPLOADED)))
                    .thenUseDefault();
            java.util.concurrent.CompletableFuture<HttpResponse<String>> first =
                    HTTP.sendAsync(upload, HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (fake.callCount(MemosEndpoint.ADD_KNOWLEDGEBASE_FILES) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            HttpResponse<String> second = HTTP.send(upload, HttpResponse.BodyHandlers.ofString());
            release.complete(null);

            assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode())
                    .isEqualTo(200);
            assertThat(HTTP.send(upload, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
    }
}
