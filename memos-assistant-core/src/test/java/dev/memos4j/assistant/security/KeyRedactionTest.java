package dev.memos4j.assistant.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.assistant.ChatListener;
import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.ChatTurn;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.openai.OpenAiLlmProvider;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosCallEvent;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.MemosClientListener;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.testkit.CapturingLogProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Neither API key (MemOS, OpenAI) appears in any log line at any level (TRACE included), exception message or
 * stack trace, {@code toString()}, or listener event, across successful and failing turns of both clients.
 */
@WireMockTest
class KeyRedactionTest {

    private static final String MEMOS_KEY = "mpg-SECRET-memos-4417";
    private static final String OPENAI_KEY = "sk-SECRET-openai-9921";
    private static final String SEARCH = "/api/openmem/v1/search/memory";
    private static final String ADD = "/api/openmem/v1/add/message";
    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final String SEARCH_OK =
            "{\"code\":0,\"message\":\"ok\",\"data\":{\"memory_detail_list\":[{\"id\":\"m1\","
                    + "\"memory_value\":\"Take the kids to the zoo on Saturday\"}]}}";
    private static final String ADD_OK =
            "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"t1\",\"status\":\"running\"}}";
    private static final String COMPLETION =
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"Saturday: the zoo.\"},\"finish_reason\":\"stop\"}]}";

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void neitherKeyLeaksFromSuccessfulOrFailingTurns(WireMockRuntimeInfo wm) throws Exception {
        CapturingLogProvider.clear();
        String base = wm.getHttpBaseUrl();
        MemosClient memos = MemosClient.builder()
                .apiKey(MEMOS_KEY)
                .baseUrl(base + "/api/openmem/v1")
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .listener(new RecordingMemosListener())
                .build();
        OpenAiLlmProvider llm = OpenAiLlmProvider.builder()
                .apiKey(OPENAI_KEY)
                .baseUrl(base + "/v1")
                .requestTimeout(Duration.ofSeconds(10))
                .streamIdleTimeout(Duration.ofSeconds(10))
                .build();
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm)
                .options(ChatOptions.builder()
                        .writeBackPolicy(WriteBackPolicy.SYNC)
                        .build())
                .listener(new RecordingChatListener())
                .build();
        seen.add(memos.toString());
        seen.add(llm.toString());
        seen.add(chat.toString());

        // 1. everything works, blocking and streaming
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK)));
        stubFor(post(ADD).willReturn(okJson(ADD_OK)));
        stubFor(post(COMPLETIONS).willReturn(okJson(COMPLETION)));
        seen.add(await(chat.chat("u1", "c1", "What plans do I have for the weekend?"))
                .toString());
        stubFor(post(COMPLETIONS)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(
                                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Zoo\"},\"finish_reason\":\"stop\"}]}\n\n"
                                        + "data: [DONE]\n\n")));
        seen.add(await(chat.chatStream("u1", "c1", "And Sunday?", delta -> seen.add(delta))
                        .reply())
                .toString());

        // 2. both services reject the keys and echo them back
        stubFor(post(SEARCH)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"code\":40132,\"message\":\"invalid token " + MEMOS_KEY + "\",\"data\":null}")));
        stubFor(post(COMPLETIONS)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":{\"message\":" + "\"Incorrect API key provided: " + OPENAI_KEY
                                + "\",\"code\":\"invalid_api_key\"}}")));
        recordFailure(chat.chat("u1", "c1", "Anything?"));

        // 3. servers failing (retried, logged as WARN/DEBUG) and a write-back that fails
        stubFor(post(SEARCH).willReturn(aResponse().withStatus(503).withBody("down for " + MEMOS_KEY)));
        stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(500).withBody("upstream " + OPENAI_KEY)));
        recordFailure(chat.chat("u1", "c1", "Still there?"));
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK)));
        stubFor(post(COMPLETIONS).willReturn(okJson(COMPLETION)));
        stubFor(post(ADD).willReturn(aResponse().withStatus(500).withBody("cannot store for " + MEMOS_KEY)));
        ChatReply stored = await(chat.chat("u1", "c1", "Store this?"));
        recordFailure(stored.writeBack());

        // 4. the LLM directly, and an HTML page echoing the key
        stubFor(post(COMPLETIONS)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bearer " + OPENAI_KEY + "</html>")));
        recordFailure(llm.complete(LlmRequest.of(List.of(ChatMessage.user("hi")))));
        memos.close();

        List<String> logs = CapturingLogProvider.lines();
        // The capture really saw the traffic: headers and bodies are logged at TRACE/DEBUG.
        assertThat(String.join("\n", logs)).contains("TRACE dev.memos4j.client").contains("Authorization=[***]");
        assertThat(seen).anyMatch(text -> text.contains("Saturday: the zoo."));
        assertThat(logs).noneMatch(line -> line.contains(MEMOS_KEY) || line.contains(OPENAI_KEY));
        assertThat(seen).noneMatch(text -> text.contains(MEMOS_KEY) || text.contains(OPENAI_KEY));
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private void recordFailure(CompletableFuture<?> future) throws Exception {
        Throwable error = future.handle((value, failure) -> failure).get(30, TimeUnit.SECONDS);
        if (error == null) {
            seen.add("no failure");
            return;
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        seen.add(trace.toString());
        seen.add(String.valueOf(error));
    }

    private final class RecordingMemosListener implements MemosClientListener {
        @Override
        public void onRequest(MemosCallEvent event) {
            seen.add(event.toString());
        }

        @Override
        public void onResponse(MemosCallEvent event) {
            seen.add(event.toString());
        }

        @Override
        public void onError(MemosCallEvent event) {
            seen.add(event.toString());
        }

        @Override
        public void onRetry(MemosCallEvent event) {
            seen.add(event.toString());
        }
    }

    private final class RecordingChatListener implements ChatListener {
        @Override
        public void onSearchRequest(ChatTurn turn, SearchMemoryRequest request) {
            seen.add(turn + " " + request);
        }

        @Override
        public void onSearchResponse(ChatTurn turn, SearchMemoryResponse response) {
            seen.add(turn + " " + response);
        }

        @Override
        public void onSearchDegraded(ChatTurn turn, Throwable cause) {
            seen.add(turn + " " + cause);
        }

        @Override
        public void onPromptBuilt(ChatTurn turn, PromptContext context, List<ChatMessage> messages) {
            seen.add(turn + " " + context + " " + messages);
        }

        @Override
        public void onLlmRequest(ChatTurn turn, LlmRequest request) {
            seen.add(turn + " " + request);
        }

        @Override
        public void onLlmResponse(ChatTurn turn, LlmResult result) {
            seen.add(turn + " " + result);
        }

        @Override
        public void onReply(ChatTurn turn, ChatReply reply) {
            seen.add(turn + " " + reply);
        }

        @Override
        public void onTurnFailed(ChatTurn turn, Throwable cause) {
            seen.add(turn + " " + cause);
        }

        @Override
        public void onWriteBackRequest(ChatTurn turn, AddMessageRequest request) {
            seen.add(turn + " " + request);
        }

        @Override
        public void onWriteBackResponse(ChatTurn turn, TaskReceipt receipt) {
            seen.add(turn + " " + receipt);
        }

        @Override
        public void onWriteBackFailed(ChatTurn turn, Throwable cause) {
            seen.add(turn + " " + cause);
        }
    }
}
