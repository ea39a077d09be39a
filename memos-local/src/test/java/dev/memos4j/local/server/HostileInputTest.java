package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.MessageDetail;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input through the whole local stack (our client, the HTTP server, the engine on disk, and back):
 * text of any kind comes back exactly, broken requests get a 4xx envelope and never a 500 or a stack trace,
 * and ids are opaque strings that never become file-system paths.
 */
class HostileInputTest {

    private static final String KEY = "local-test-key";
    private static final String MEGABYTE = "Memory of a long day. ".repeat(1024 * 1024 / 22 + 1);

    @TempDir
    Path dataDirectory;

    private LocalMemos engine;
    private MemosServer server;
    private MemosClient client;
    private final HttpClient raw = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        engine = LocalMemos.builder()
                .dataDirectory(dataDirectory)
                .embedder(Embedder.none())
                .build();
        server = MemosServer.builder(engine).port(0).apiKey(KEY).build().start();
        client = MemosClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(KEY)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        engine.close();
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("emoji", "Zoo on Saturday 🦒🐘 with the kids 👨‍👩‍👧 — 🏳️‍🌈"),
                Arguments.of("CJK", "周六带孩子去动物园。妻子是小云，孩子六岁。来週の家事を計画して"),
                Arguments.of("RTL", "مرحبا، موعد طبيب الأسنان يوم الاثنين שלום עולם"),
                Arguments.of(
                        "control characters", "tab\there\u0000nul\u0001soh\u001fus\u007fdel\r\nCRLF\u2028LS\u2029PS"),
                Arguments.of(
                        "JSON-hostile",
                        "\"quoted\" \\backslash\\ {\"code\":500} </script><script>x</script> ' ; -- ${jndi:x}"),
                Arguments.of(
                        "lone surrogate-free edge", "\uFEFFBOM first, then \uFFFD replacement and \uD83D\uDE00 pair"),
                Arguments.of("one megabyte", MEGABYTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void textRoundTripsExactlyThroughClientServerAndEngine(String name, String text) {
        String conversation = "conv-" + name.replace(' ', '-');
        client.blocking()
                .addMessage(AddMessageRequest.builder()
                        .userId("u1")
                        .conversationId(conversation)
                        .addMessage(Message.user(text))
                        .build());

        List<MessageDetail> messages = client.blocking()
                .getMessage(GetMessageRequest.builder()
                        .userId("u1")
                        .conversationId(conversation)
                        .build())
                .messages();
        assertThat(messages).hasSize(1);
        String back = messages.get(0).content();
        assertThat(back.length()).as("length").isEqualTo(text.length());
        assertThat(back).isEqualTo(text);
        assertThat(client.blocking()
                        .getMemory(
                                GetMemoryRequest.builder().userId("u1").size(50).build())
                        .memoryDetailList())
                .extracting(MemoryDetail::memoryValue)
                .contains(text.strip());
    }

    static Stream<Arguments> brokenRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "POST", "/search/memory", "{\"query\": \"weekend\", \"user_id\": ", 400),
                Arguments.of("not JSON at all", "POST", "/search/memory", "<xml>hello</xml>", 400),
                Arguments.of("JSON array instead of object", "POST", "/search/memory", "[1, 2, 3]", 400),
                Arguments.of("wrong type", "POST", "/search/memory", "{\"query\": [\"a\"], \"user_id\": \"u\"}", 400),
                Arguments.of(
                        "number where an object is expected",
                        "POST",
                        "/add/message",
                        "{\"user_id\": \"u\", \"messages\": 42}",
                        400),
                Arguments.of(
                        "deeply nested JSON", "POST", "/search/memory", "[".repeat(5_000) + "]".repeat(5_000), 400),
                Arguments.of("empty body", "POST", "/search/memory", "", 400),
                Arguments.of("unknown path", "POST", "/no/such/endpoint", "{}", 404),
                Arguments.of("path traversal", "POST", "/../../etc/passwd", "{}", 404),
                Arguments.of("wrong method", "DELETE", "/search/memory", "", 405),
                Arguments.of("GET on a POST endpoint", "GET", "/add/message", "", 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void brokenRequestsGetA4xxEnvelopeWithoutInternals(String name, String method, String path, String body, int status)
            throws Exception {
        HttpResponse<String> response = send(method, server.baseUrl() + path, body);

        assertThat(response.statusCode()).as(name).isEqualTo(status);
        JsonNode envelope = Json.MAPPER.readTree(response.body());
        assertThat(envelope.path("code").asInt()).isNotIn(0, 200);
        assertThat(envelope.path("message").asText()).isNotBlank();
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("dev.memos4j");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        try (MemosServer small = MemosServer.builder(engine)
                .port(0)
                .apiKey(KEY)
                .maxRequestBytes(1024)
                .build()
                .start()) {
            String big = "{\"user_id\":\"u\",\"query\":\"" + "x".repeat(4096) + "\"}";
            HttpResponse<String> response = send("POST", small.baseUrl() + "/search/memory", big);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "a/b",
                "with space",
                "..",
                "%2e%2e%2f",
                "C:\\Windows\\win.ini",
                "/absolute/path"
            })
    void idsAreOpaqueAndNeverReachTheFileSystem(String id) throws Exception {
        List<Path> before = listTree(dataDirectory);

        assertThatThrownBy(() -> client.getMemoryById(id).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(MemosNotFoundException.class);
        assertThatThrownBy(() -> client.getTaskStatus(id).join()).isInstanceOf(CompletionException.class);

        assertThat(listTree(dataDirectory)).isEqualTo(before);
        assertThat(Files.exists(dataDirectory.resolve("a"))).isFalse();
    }

    private static List<Path> listTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("write.lock"))
                    .sorted()
                    .toList();
        }
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Token " + KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        request.method(
                method,
                body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
