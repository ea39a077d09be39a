package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extra body fields given per call reach the wire, merged into the request's JSON object. */
@WireMockTest
class ExtraFieldsTest {

    private final TestClients.RecordingScheduler scheduler = new TestClients.RecordingScheduler();
    private MemosClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        scheduler.shutdownNow();
    }

    private static JsonNode sentTo(String path) throws Exception {
        String body = findAll(postRequestedFor(urlEqualTo("/openmem/v1/" + path)))
                .get(0)
                .getBodyAsString();
        return Json.MAPPER.readTree(body);
    }

    @Test
    void extraFieldsAreAddedToTheBodyAndReplaceModelledOnes(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/openmem/v1/search/memory").willReturn(okJson(TestClients.envelope("{}"))));
        client = TestClients.builder(wm, scheduler).build();

        client.blocking()
                .searchMemory(
                        SearchMemoryRequest.builder()
                                .userId("u")
                                .query("weekend")
                                .relativity(0.3)
                                .build(),
                        RequestOptions.builder()
                                .putAdditionalBodyProperty("top_k", 10)
                                .putAdditionalBodyProperty("relativity", 0.7)
                                .putAdditionalBodyProperty("dedup", null)
                                .build());

        JsonNode sent = sentTo("search/memory");
        assertThat(sent.get("top_k").asInt()).isEqualTo(10);
        assertThat(sent.get("relativity").asDouble()).isEqualTo(0.7);
        assertThat(sent.has("dedup") && sent.get("dedup").isNull()).isTrue();
        assertThat(sent.get("query").asText()).isEqualTo("weekend");
    }

    @Test
    void nestedExtraValuesAreWrittenByTheClientsMapper(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/openmem/v1/add/message")
                .willReturn(
                        okJson(TestClients.envelope("{\"success\":true,\"task_id\":\"t\",\"status\":\"running\"}"))));
        client = TestClients.builder(wm, scheduler).build();

        client.blocking()
                .addMessage(
                        AddMessageRequest.builder()
                                .userId("u")
                                .addMessage(Message.user("hi"))
                                .build(),
                        RequestOptions.builder()
                                .putAllAdditionalBodyProperties(
                                        Map.of("metadata", Map.of("due", LocalDate.of(2026, 12, 2))))
                                .build());

        assertThat(sentTo("add/message").get("metadata").get("due").asText()).isEqualTo("2026-12-02");
    }

    @Test
    void callsWithoutAJsonBodyRefuseExtraFieldsBeforeSending(WireMockRuntimeInfo wm, @TempDir Path dir)
            throws Exception {
        client = TestClients.builder(wm, scheduler).build();
        RequestOptions extra =
                RequestOptions.builder().putAdditionalBodyProperty("x", 1).build();
        Path file = Files.writeString(dir.resolve("a.txt"), "text");

        assertThatThrownBy(() -> client.getMemoryById("m1", extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("additionalBodyProperties cannot be sent to get/memory");
        assertThatThrownBy(() -> client.uploadKnowledgebaseFiles(
                        UploadKnowledgebaseFilesRequest.of("kb", java.util.List.of(file)), extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[x]");
        assertThat(getAllServeEvents()).isEmpty();
    }

    @Test
    void optionsNameExtraFieldsButNeverShowTheirValues() {
        RequestOptions options = RequestOptions.builder()
                .putAdditionalBodyProperty("secret_note", "do not print me")
                .build();

        assertThat(options.toString()).contains("secret_note").doesNotContain("do not print me");
        assertThat(options.additionalBodyProperties()).containsEntry("secret_note", "do not print me");
        assertThatThrownBy(() -> RequestOptions.builder().putAdditionalBodyProperty(" ", 1))
                .hasMessage("additional body property name must not be blank");
    }
}
