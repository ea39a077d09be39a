package dev.memos4j.assistant.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.memos4j.assistant.openai.OpenAiLlmProviderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.FinishReason;
import dev.memos4j.assistant.llm.LlmInvalidResponseException;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmStreamException;
import dev.memos4j.assistant.llm.ToolCall;
import dev.memos4j.assistant.llm.ToolChoice;
import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.client.internal.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tool calling on the Chat Completions wire: request mapping, whole and streamed tool calls. */
@WireMockTest
class OpenAiToolCallsTest {

    private static final String PATH = "/v1/chat/completions";
    private static final ToolDefinition SEARCH = new ToolDefinition(
            "search_memories",
            "Search the user's memories",
            Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("query", Map.of("type", "string")),
                    "required",
                    List.of("query")));
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "", Map.of());
    private static final ToolCall SEARCH_CALL =
            new ToolCall("call_Qx1aB2cD3eF4gH5iJ6kL7mN8", "search_memories", "{\"query\":\"weekend plans\"}");
    private static final ToolCall WEATHER_CALL =
            new ToolCall("call_Zy9xW8vU7tS6rQ5pO4nM3lK2", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}");

    private String baseUrl;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        baseUrl = wm.getHttpBaseUrl() + "/v1";
    }

    private OpenAiLlmProvider provider() {
        return OpenAiLlmProvider.builder()
                .apiKey("sk-test-tools")
                .baseUrl(baseUrl)
                .retryScheduler(new RecordingScheduler())
                .requestTimeout(Duration.ofSeconds(5))
                .streamIdleTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static LlmRequest request(ToolChoice choice) {
        return LlmRequest.builder()
                .addMessage(ChatMessage.user("What are my weekend plans, and the weather?"))
                .tools(List.of(SEARCH, WEATHER))
                .toolChoice(choice)
                .build();
    }

    private static void stub(String contentType, String body) {
        stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    private static JsonNode sentBody() {
        try {
            return Json.MAPPER.readTree(getAllServeEvents().get(0).getRequest().getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void toolsToolChoiceCallsAndResultsAreSentInTheChatCompletionsShape() {
        stub("application/json", resource("completion.json"));
        LlmRequest followUp = request(ToolChoice.function("get_weather")).toBuilder()
                .addMessage(ChatMessage.assistantToolCalls("", List.of(SEARCH_CALL, WEATHER_CALL)))
                .addMessage(ChatMessage.tool(SEARCH_CALL.id(), "{\"memories\":[]}"))
                .addMessage(ChatMessage.tool(WEATHER_CALL.id(), "sunny"))
                .build();

        await(provider().complete(followUp));

        JsonNode body = sentBody();
        JsonNode tool = body.get("tools").get(0);
        assertThat(tool.get("type").asText()).isEqualTo("function");
        assertThat(tool.at("/function/name").asText()).isEqualTo("search_memories");
        assertThat(tool.at("/function/description").asText()).isEqualTo("Search the user's memories");
        assertThat(tool.at("/function/parameters/required/0").asText()).isEqualTo("query");
        // An empty description is left out; an empty schema becomes an object without properties.
        assertThat(body.at("/tools/1/function").has("description")).isFalse();
        assertThat(body.at("/tools/1/function/parameters/type").asText()).isEqualTo("object");
        assertThat(body.at("/tool_choice/type").asText()).isEqualTo("function");
        assertThat(body.at("/tool_choice/function/name").asText()).isEqualTo("get_weather");
        JsonNode assistant = body.get("messages").get(1);
        assertThat(assistant.get("role").asText()).isEqualTo("assistant");
        assertThat(assistant.has("content")).isFalse();
        assertThat(assistant.at("/tool_calls/0/id").asText()).isEqualTo(SEARCH_CALL.id());
        assertThat(assistant.at("/tool_calls/0/type").asText()).isEqualTo("function");
        assertThat(assistant.at("/tool_calls/1/function/name").asText()).isEqualTo("get_weather");
        assertThat(assistant.at("/tool_calls/1/function/arguments").asText()).isEqualTo(WEATHER_CALL.arguments());
        JsonNode toolResult = body.get("messages").get(2);
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("tool_call_id").asText()).isEqualTo(SEARCH_CALL.id());
        assertThat(toolResult.get("content").asText()).isEqualTo("{\"memories\":[]}");
        assertThat(getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("null");
    }

    @Test
    void modeToolChoicesAreSentAsStrings() {
        stub("application/json", resource("completion.json"));

        await(provider().complete(request(ToolChoice.REQUIRED)));

        assertThat(sentBody().get("tool_choice").asText()).isEqualTo("required");
    }

    @Test
    void aRequestWithoutToolsSendsNoToolFields() {
        stub("application/json", resource("completion.json"));

        await(provider().complete(LlmRequest.of(List.of(ChatMessage.user("Hi")))));

        assertThat(sentBody().has("tools")).isFalse();
        assertThat(sentBody().has("tool_choice")).isFalse();
    }

    @Test
    void aCompletionWithParallelToolCallsReturnsThemInOrder() {
        stub("application/json", resource("completion-tool-calls.json"));

        LlmResult result = await(provider().complete(request(null)));

        assertThat(result.text()).isEmpty();
        assertThat(result.finishReason()).contains(FinishReason.TOOL_CALLS);
        assertThat(result.hasToolCalls()).isTrue();
        assertThat(result.toolCalls()).containsExactly(SEARCH_CALL, WEATHER_CALL);
    }

    @Test
    void aCompletionWithAToolCallMissingItsNameIsAnInvalidResponse() {
        stub(
                "application/json",
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":"
                        + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"arguments\":\"{}\"}}]},"
                        + "\"finish_reason\":\"tool_calls\"}]}");

        Throwable failure = catchThrowable(() -> await(provider().complete(request(null))));

        assertThat(failure).isInstanceOf(CompletionException.class);
        assertThat(failure.getCause())
                .isInstanceOf(LlmInvalidResponseException.class)
                .hasMessageContaining("tool call");
        verify(1, postRequestedFor(urlEqualTo(PATH))); // a broken answer is not retried
    }

    @Test
    void streamedToolCallDeltasAreAssembledIntoWholeCalls() {
        stubStreamFixture("stream-tool-calls.txt");
        List<String> deltas = new CopyOnWriteArrayList<>();

        LlmResult result = await(provider().stream(request(null), deltas::add).completion());

        assertThat(deltas).isEmpty(); // tool-call pieces are not text
        assertThat(result.finishReason()).contains(FinishReason.TOOL_CALLS);
        assertThat(result.toolCalls())
                .containsExactly(SEARCH_CALL, new ToolCall(WEATHER_CALL.id(), "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(result.usage()).isPresent();
        assertThat(sentBody().get("stream").asBoolean()).isTrue();
        assertThat(sentBody().get("tools")).hasSize(2);
    }

    @Test
    void parallelCallsSentWholeAtTheSameIndexAreKeptApart() {
        stubStreamFixture("stream-tool-calls-ollama.txt");
        List<String> deltas = new CopyOnWriteArrayList<>();

        LlmResult result = await(provider().stream(request(null), deltas::add).completion());

        assertThat(deltas).containsExactly("Let me check. ");
        assertThat(result.text()).isEqualTo("Let me check. ");
        assertThat(result.toolCalls())
                .containsExactly(
                        new ToolCall("call_ab12cd34", "search_memories", "{\"query\":\"dentist\"}"),
                        new ToolCall("call_ef56gh78", "list_memories", "{\"limit\":3}"));
    }

    @Test
    void aStreamBreakingOffInsideAToolCallFailsAndIsNeverRetried() {
        stubStreamFixture("stream-tool-calls-truncated.txt");

        Throwable failure = catchThrowable(
                () -> await(provider().stream(request(null), d -> {}).completion()));

        assertThat(failure.getCause()).isInstanceOf(LlmStreamException.class);
        verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aStreamedToolCallThatNeverGetsItsNameFailsTheStream() {
        stub(
                "text/event-stream",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                        + "\"function\":{\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}\n\n"
                        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                        + "data: [DONE]\n\n");

        Throwable failure = catchThrowable(
                () -> await(provider().stream(request(null), d -> {}).completion()));

        assertThat(failure.getCause())
                .isInstanceOf(LlmStreamException.class)
                .hasMessageContaining("without a function name");
    }

    @Test
    void requestRulesNameTheBrokenField() {
        assertThatThrownBy(() -> LlmRequest.builder()
                        .addMessage(ChatMessage.user("x"))
                        .toolChoice(ToolChoice.AUTO)
                        .build())
                .hasMessageContaining("toolChoice requires tools");
        assertThatThrownBy(() -> request(ToolChoice.function("nope"))).hasMessageContaining("\"nope\"");
        assertThatThrownBy(() -> LlmRequest.builder()
                        .addMessage(ChatMessage.user("x"))
                        .tools(List.of(SEARCH, SEARCH))
                        .build())
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new ToolDefinition("has space", "", Map.of())).hasMessageContaining("name must be");
        assertThatThrownBy(() -> new ToolDefinition("ok", "", Map.of("type", "string")))
                .hasMessageContaining("\"type\": \"object\"");
        assertThatThrownBy(() -> new ChatMessage("user", "x", java.util.Optional.empty(), List.of(SEARCH_CALL)))
                .hasMessageContaining("only allowed on assistant");
        assertThat(new ToolCall("c", "n", " ").arguments()).isEqualTo("{}");
    }

    private static void stubStreamFixture(String fixture) {
        stub("text/event-stream", resource(fixture));
    }
}
