package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.errors.MemosBadRequestException;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code add/message} may name several users or agents (a JSON array, as the official client allows). The
 * local engine keeps a memory for one subject, so it answers several with a 400 naming the field, stores
 * nothing, and takes a one-element array like a plain string.
 */
class SeveralSubjectsTest {

    private static final String KEY = "local-test-key";

    @TempDir
    Path dataDirectory;

    private LocalMemos engine;
    private MemosServer server;
    private MemosClient client;

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

    @Test
    void severalUsersAreABadRequestNamingTheFieldAndStoreNothing() throws Exception {
        JsonNode reply = post("{\"user_id\":[\"u1\",\"u2\"],\"messages\":[{\"role\":\"user\",\"content\":\"zoo\"}]}");

        assertThat(reply.path("code").asInt()).isEqualTo(40006);
        assertThat(reply.path("message").asText()).contains("several user_id or agent_id");
        assertThatThrownBy(() -> client.blocking()
                        .addMessage(AddMessageRequest.builder()
                                .agentIds(List.of("a1", "a2"))
                                .addMessage(Message.user("zoo"))
                                .build()))
                .isInstanceOf(MemosBadRequestException.class)
                .hasMessageContaining("agent_id");
        for (String user : List.of("u1", "u2")) {
            assertThat(client.blocking()
                            .getMemory(GetMemoryRequest.builder().userId(user).build())
                            .memoryDetailList())
                    .isEmpty();
        }
    }

    @Test
    void aOneElementListIsTheSameAsAString() throws Exception {
        JsonNode reply = post("{\"user_id\":[\"u1\"],\"async_mode\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Zoo on Saturday\"}]}");

        assertThat(reply.path("code").asInt()).isZero();
        assertThat(client.blocking()
                        .getMemory(GetMemoryRequest.builder().userId("u1").build())
                        .memoryDetailList())
                .isNotEmpty();
    }

    private JsonNode post(String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/add/message"))
                                .header("Authorization", "Token " + KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(response.body());
    }
}
