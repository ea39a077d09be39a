package dev.memos4j.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.assistant.openai.OpenAiLlmProvider;
import dev.memos4j.client.MemosClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One turn over real HTTP: the MemOS HTTP client and the OpenAI provider against a mock server. Proves on
 * the wire that the memory reaches the model's system prompt and that only the raw exchange is stored.
 */
@WireMockTest
class EndToEndWireTest {

    private static final String SEARCH_RESPONSE = """
            {"code": 0, "message": "ok", "data": {
              "memory_detail_list": [{"id": "m1", "memory_key": "zoo", "memory_value": "Take the kids to the zoo on Saturday",
                "memory_type": "WorkingMemory", "create_time": 1763776800000, "relativity": 0.82, "tags": ["mode:fast"]}],
              "preference_detail_list": [{"id": "p1", "preference": "First list three key points, then one suggestion",
                "preference_type": "explicit_preference", "create_time": 1763776860000}],
              "preference_note": "Respect the user's stated preferences."}}""";

    private static final String COMPLETION = """
            {"id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Saturday: the zoo with the kids."},
                          "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 300, "completion_tokens": 9, "total_tokens": 309}}""";

    @Test
    void aTurnSearchesPromptsAnswersAndStoresOnlyTheRawExchange(WireMockRuntimeInfo wm) {
        stubFor(post("/api/openmem/v1/search/memory")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SEARCH_RESPONSE)));
        stubFor(
                post("/api/openmem/v1/add/message")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"code\":0,\"message\":\"ok\",\"data\":{\"success\":true,\"task_id\":\"t-1\",\"status\":\"running\"}}")));
        stubFor(post("/v1/chat/completions")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(COMPLETION)));

        try (MemosClient memos = MemosClient.builder()
                .apiKey("mpg-test")
                .baseUrl(wm.getHttpBaseUrl() + "/api/openmem/v1")
                .build()) {
            OpenAiLlmProvider llm = OpenAiLlmProvider.builder()
                    .apiKey("sk-test")
                    .baseUrl(wm.getHttpBaseUrl() + "/v1")
                    .build();
            MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm)
                    .options(ChatOptions.builder()
                            .writeBackPolicy(WriteBackPolicy.SYNC)
                            .searchTimeout(Duration.ofSeconds(10))
                            .build())
                    .build();

            ChatReply reply = chat.chat(
                            "memos_home_management_user_123",
                            "conversation_002",
                            "What plans do I have for the weekend?")
                    .orTimeout(20, TimeUnit.SECONDS)
                    .join();

            assertThat(reply.answer()).isEqualTo("Saturday: the zoo with the kids.");
            assertThat(reply.writeBack().join()).isPresent();
            assertThat(reply.messages().get(0).content())
                    .contains(
                            "Take the kids to the zoo on Saturday",
                            "First list three key points",
                            "Respect the user's stated preferences.");
        }

        verify(postRequestedFor(urlEqualTo("/api/openmem/v1/search/memory"))
                .withRequestBody(equalToJson(
                        "{\"query\":\"What plans do I have for the weekend?\",\"user_id\":\"memos_home_management_user_123\","
                                + "\"conversation_id\":\"conversation_002\"}",
                        true,
                        true)));
        verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson(
                        "{\"messages\":[{\"role\":\"system\"},{\"role\":\"user\",\"content\":\"What plans do I have for the weekend?\"}]}",
                        true,
                        true)));
        verify(postRequestedFor(urlEqualTo("/api/openmem/v1/add/message"))
                .withRequestBody(equalToJson("""
                {"user_id": "memos_home_management_user_123", "conversation_id": "conversation_002",
                 "messages": [{"role": "user", "content": "What plans do I have for the weekend?"},
                              {"role": "assistant", "content": "Saturday: the zoo with the kids."}]}""", false, true)));
    }
}
