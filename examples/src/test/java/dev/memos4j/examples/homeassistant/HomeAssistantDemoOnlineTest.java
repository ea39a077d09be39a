package dev.memos4j.examples.homeassistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.memos4j.client.MemosJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online path: MemOS cloud and OpenAI, both played by WireMock, with keys that must never be shown. */
@WireMockTest
class HomeAssistantDemoOnlineTest {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    private static final String MEMOS_KEY = "mpg-test-secret-memos-key-0123456789";
    private static final String OPENAI_KEY = "sk-test-secret-openai-key-0123456789";
    private static final String WEEKEND = "What plans do I have for the weekend?";
    private static final String CHAT_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    private static final String ANSWER =
            "1. Saturday: zoo with the kids. 2. Pack snacks. 3. Leave early. Suggestion: book tickets online.";

    @TempDir
    Path unusedDataDir;

    @Test
    void aTurnSearchesMemOsStreamsTheOpenAiAnswerAndStoresOnlyTheExchange(WireMockRuntimeInfo wm) {
        stubFor(post("/api/openmem/v1/search/memory")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("online/search-memory.json"))));
        stubFor(post("/api/openmem/v1/add/message")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("online/add-message.json"))));
        stubFor(post("/v1/chat/completions")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(fixture("online/chat-stream.txt"))));
        Map<String, String> env = Map.of(
                "MEMOS_API_KEY",
                MEMOS_KEY,
                "MEMOS_BASE_URL",
                wm.getHttpBaseUrl() + "/api/openmem/v1",
                "OPENAI_API_KEY",
                OPENAI_KEY,
                "OPENAI_BASE_URL",
                wm.getHttpBaseUrl() + "/v1");

        DemoRunner.Result run = DemoRunner.run(env, unusedDataDir, "n\n" + WEEKEND + "\nexit\n");

        assertThat(run.status()).isZero();
        String out = run.output();
        assertThat(out)
                .contains("Memory: MemOS cloud at " + wm.getHttpBaseUrl() + "/api/openmem/v1 (MEMOS_API_KEY)")
                .contains("Model: openai:gpt-4o at " + wm.getHttpBaseUrl() + "/v1")
                // streamed as it arrives, and shown once
                .containsOnlyOnce("\uD83D\uDCA1 [Assistant]: " + ANSWER + "\n")
                .contains("conversation_id: conversation_001")
                .contains("The user plans to take the kids to the zoo on Saturday.")
                .contains("relativity 0.87")
                .contains("\"task_id\" : \"task-42\"")
                // the cloud counts calls against the plan: the seed's wording
                .contains("This will consume 3 add calls and 3 search calls. Proceed? (y/n): ")
                .doesNotContain("null")
                .doesNotContain("[LLM not connected]")
                .doesNotContain(MEMOS_KEY)
                .doesNotContain(OPENAI_KEY);
        // Printed while streaming, before the exchange is stored.
        assertThat(out.indexOf(ANSWER)).isLessThan(out.indexOf("addMessage request (POST /add/message)"));
        assertThat(unusedDataDir).isEmptyDirectory();

        verify(
                1,
                postRequestedFor(urlEqualTo("/api/openmem/v1/search/memory"))
                        .withHeader("Authorization", equalTo("Token " + MEMOS_KEY))
                        .withRequestBody(matchingJsonPath("$.query", equalTo(WEEKEND)))
                        .withRequestBody(matchingJsonPath("$.user_id", equalTo("memos_home_management_user_123")))
                        .withRequestBody(matchingJsonPath("$.conversation_id", equalTo("conversation_001"))));

        List<LoggedRequest> completions = findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY)));
        assertThat(completions).hasSize(1);
        JsonNode completion = json(completions.get(0));
        assertThat(completion.path("stream").asBoolean()).isTrue();
        assertThat(completion.path("model").asText()).isEqualTo("gpt-4o");
        JsonNode messages = completion.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText())
                .contains("You are a knowledgeable and considerate home life assistant.")
                .contains("The user plans to take the kids to the zoo on Saturday.")
                .contains("list three key points first");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo(WEEKEND);

        verify(
                1,
                postRequestedFor(urlEqualTo("/api/openmem/v1/add/message"))
                        .withHeader("Authorization", equalTo("Token " + MEMOS_KEY))
                        .withRequestBody(equalToJson(
                                "{\"user_id\":\"memos_home_management_user_123\","
                                        + "\"conversation_id\":\"conversation_001\",\"messages\":["
                                        + "{\"role\":\"user\",\"content\":\"" + WEEKEND + "\"},"
                                        + "{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"}]}",
                                true,
                                true))
                        .withRequestBody(matchingJsonPath("$.messages[0].chat_time", matching(CHAT_TIME)))
                        .withRequestBody(matchingJsonPath("$.messages[1].chat_time", matching(CHAT_TIME))));
    }

    @Test
    void aRejectedKeyEndsTheTurnWithAClearMessageAndNoLeak(WireMockRuntimeInfo wm) {
        stubFor(post("/api/openmem/v1/search/memory")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("online/search-memory.json"))));
        stubFor(post("/v1/chat/completions")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + OPENAI_KEY
                                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        Map<String, String> env = Map.of(
                "MEMOS_API_KEY",
                MEMOS_KEY,
                "MEMOS_BASE_URL",
                wm.getHttpBaseUrl() + "/api/openmem/v1",
                "OPENAI_API_KEY",
                OPENAI_KEY,
                "OPENAI_BASE_URL",
                wm.getHttpBaseUrl() + "/v1");

        DemoRunner.Result run = DemoRunner.run(env, unusedDataDir, WEEKEND + "\n", "--no", "--quiet");

        assertThat(run.status()).isZero();
        assertThat(run.output())
                .contains("The turn failed:")
                .doesNotContain(MEMOS_KEY)
                .doesNotContain(OPENAI_KEY)
                .endsWith("Thank you for using the home assistant!\n");
        verify(0, postRequestedFor(urlEqualTo("/api/openmem/v1/add/message")));
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = HomeAssistantDemoOnlineTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
