package dev.memos4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published JSON configuration writes what the client sends and reads what the service answers. */
class MemosJsonTest {

    @Test
    void writesARequestAsTheClientSendsItAndReadsAResponseWithUnknownFields() throws Exception {
        // Sample in docs/client.md ("The wire JSON").
        JsonMapper json = MemosJson.jsonMapper();
        AddMessageRequest request = AddMessageRequest.builder()
                .userId("u-1")
                .conversationId("c-1")
                .messages(List.of(Message.user("I moved to Lisbon")))
                .info(Map.of("seen_at", Instant.parse("2026-12-02T10:15:30Z")))
                .build();
        String wire = json.writeValueAsString(request);
        SearchMemoryResponse found =
                json.readValue("{\"memory_detail_list\":[],\"added_later\":1}", SearchMemoryResponse.class);

        assertThat(json.readTree(wire)).isEqualTo(Json.tree(request));
        assertThat(json.readTree(wire).at("/info/seen_at").asText()).isEqualTo("2026-12-02T10:15:30Z");
        assertThat(found.additionalProperties()).containsKey("added_later");
    }

    @Test
    void configuringTheReturnedMapperLeavesTheClientsOwnAlone() throws Exception {
        JsonMapper mine = MemosJson.jsonMapper();
        mine.enable(SerializationFeature.INDENT_OUTPUT);

        JsonNode clients = Json.tree(Map.of("a", 1));

        assertThat(MemosJson.jsonMapper()).isNotSameAs(mine);
        assertThat(mine.writeValueAsString(Map.of("a", 1))).isNotEqualTo(Json.write(Map.of("a", 1)));
        assertThat(clients.get("a").asInt()).isEqualTo(1);
        assertThat(Json.write(Map.of("a", 1))).isEqualTo("{\"a\":1}");
    }
}
