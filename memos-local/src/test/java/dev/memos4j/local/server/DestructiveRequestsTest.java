package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Destructive endpoints over HTTP, against the real engine: a typo, an empty condition or a filter that
 * matches nothing never deletes anything; deleting all of a user's memories takes the explicit form.
 */
class DestructiveRequestsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalMemos engine;
    private MemosServer server;

    @BeforeEach
    void start() {
        engine = LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
        server = MemosServer.builder(engine).port(0).build().start();
        for (String user : List.of("u1", "u2")) {
            engine.addMessage(AddMessageRequest.builder()
                            .userId(user)
                            .conversationId("c1")
                            .addMessage(Message.user("I prefer green tea in the morning."))
                            .addMessage(Message.user("The garage door is stuck."))
                            .addMessage(Message.user("We paint the fence on Sunday."))
                            .build())
                    .join();
        }
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"user_id\":\"u1\",\"memory_id\":\"x\"}",
                "{\"user_id\":\"u1\",\"memory_ids\":[]}",
                "{\"user_id\":\"u1\",\"memory_ids\":null}",
                "{\"user_id\":\"u1\",\"filter\":null}",
                "{\"user_id\":\"u1\",\"agent_id\":\"\"}",
                "{\"filter\":{}}",
                "{\"filter\":{\"and\":[{\"create_time\":{\"gt\":1e300}}]}}",
                "{\"filter\":{\"and\":[{\"create_time\":{\"lt\":\"-99999999999999999999\"}}]}}"
            })
    void aMistakenDeleteIsA400AndDeletesNothing(String body) throws Exception {
        HttpResponse<String> response = post("delete/memory", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode envelope = Json.MAPPER.readTree(response.body());
        assertThat(envelope.get("code").asInt()).isBetween(40000, 40002);
        assertThat(memories("u1")).isEqualTo(2);
        assertThat(memories("u2")).isEqualTo(2);
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsTheEndpointAccepts() throws Exception {
        HttpResponse<String> response = post("delete/memory", "{\"user_id\":\"u1\",\"memory_id\":\"x\"}");

        assertThat(Json.MAPPER.readTree(response.body()).get("message").asText())
                .contains("unknown field memory_id in delete/memory")
                .contains("memory_ids");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"filter\":{\"public\":{\"and\":[{\"conversation_id\":\"nope\"}]}}}",
                "{\"filter\":{\"and\":[{\"create_time\":{\"gt\":9223372036854775807}}]}}",
                "{\"memory_ids\":[\"no-such-memory\"]}"
            })
    void aDeleteWhoseFilterMatchesNothingDeletesNothing(String body) throws Exception {
        HttpResponse<String> response = post("delete/memory", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(memories("u1")).isEqualTo(2);
        assertThat(memories("u2")).isEqualTo(2);
    }

    @Test
    void userIdAloneIsTheExplicitFormThatDeletesAllOfAUser() throws Exception {
        HttpResponse<String> response = post("delete/memory", "{\"user_id\":\"u1\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(memories("u1")).isZero();
        assertThat(memories("u2")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "delete/knowledgebase|{\"knowledgebase_id\":\"kb-1\",\"file_ids\":[\"f\"]}",
                "delete/knowledgebase-file|{\"file_ids\":[\"f\"],\"knowledgebase\":\"kb-1\"}",
                "delete/profile|{\"user_id\":\"u1\",\"profile_template_id\":\"p\",\"profile_id\":\"x\"}",
                "update/memory|{\"memory_id\":\"m\",\"contents\":\"x\"}"
            })
    void otherDestructiveEndpointsRefuseUnknownFields(String endpointAndBody) throws Exception {
        String[] parts = endpointAndBody.split("\\|", 2);
        HttpResponse<String> response = post(parts[0], parts[1]);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("message").asText())
                .contains("unknown field")
                .contains(parts[0]);
    }

    private int memories(String user) {
        return engine.getMemory(GetMemoryRequest.builder().userId(user).build())
                .join()
                .memoryDetailList()
                .size();
    }

    private HttpResponse<String> post(String endpoint, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + endpoint))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
