package dev.memos4j.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OfflineProvidersTest {

    private static final LlmRequest PLAIN =
            LlmRequest.of(List.of(ChatMessage.system("sys"), ChatMessage.user("Hello there")));

    private static LlmRequest withContext() {
        MemoryDetail zoo = new MemoryDetail(
                "m1",
                null,
                "Take the kids to the zoo on Saturday",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        PreferenceDetail style = new PreferenceDetail(
                "p1",
                "Three key points, then one suggestion",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        PromptContext context = new PromptContext(
                "What plans do I have for the weekend?",
                "u",
                "c",
                List.of(zoo),
                List.of(style),
                Optional.empty(),
                ZonedDateTime.now());
        return LlmRequest.builder()
                .addMessage(ChatMessage.user(context.query()))
                .recall(context.recall())
                .build();
    }

    @Test
    void notConnectedShowsQueryMemoriesAndPreferences() {
        String text =
                new NotConnectedLlmProvider().complete(withContext()).join().text();

        assertThat(text)
                .isEqualTo("[LLM not connected] The model would answer \"What plans do I have for the weekend?\""
                        + " using 1 memory and 1 preference:\n"
                        + "  memory 1: Take the kids to the zoo on Saturday\n"
                        + "  preference 1: Three key points, then one suggestion");
    }

    @Test
    void notConnectedWithoutContextDescribesThePrompt() {
        LlmResult result = new NotConnectedLlmProvider().complete(PLAIN).join();
        assertThat(result.text()).startsWith("[LLM not connected]").contains("Hello there", "2 messages");
        assertThat(result.placeholder()).as("a stand-in, never to be stored").isTrue();
    }

    @Test
    void notConnectedStreamsTheSameTextInSeveralDeltas() {
        List<String> deltas = new CopyOnWriteArrayList<>();
        LlmResult result = new NotConnectedLlmProvider()
                .stream(withContext(), deltas::add)
                        .completion()
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join();

        assertThat(deltas).hasSize(3);
        assertThat(String.join("", deltas)).isEqualTo(result.text()).startsWith(NotConnectedLlmProvider.PREFIX);
        assertThat(result.placeholder()).isTrue();
    }

    @Test
    void scriptedProviderPlaysItsScriptThenTheFallbackAndRecordsRequests() {
        LlmServerException down = new LlmServerException(503, "down", null, null, null, null, null);
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .reply("first")
                .fail(down)
                .replyAfter(Duration.ofMillis(10), "third")
                .otherwise(r -> "echo " + r.lastUserText().orElse(""))
                .build();

        assertThat(llm.complete(PLAIN).join().text()).isEqualTo("first");
        assertThat(catchThrowable(() -> llm.complete(PLAIN).join()))
                .isInstanceOf(CompletionException.class)
                .hasCause(down);
        assertThat(llm.complete(PLAIN).orTimeout(10, TimeUnit.SECONDS).join().text())
                .isEqualTo("third");
        assertThat(llm.complete(PLAIN).join().text()).isEqualTo("echo Hello there");
        assertThat(llm.requests()).hasSize(4).allMatch(r -> r == PLAIN);
        assertThat(llm.remainingSteps()).isZero();
    }

    @Test
    void scriptedProviderWithoutFallbackFailsWhenTheScriptRunsOut() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder().build();

        assertThat(catchThrowable(() -> llm.complete(PLAIN).join()))
                .hasCauseInstanceOf(LlmException.class)
                .hasMessageContaining("no step left");
    }

    @Test
    void scriptedStreamSplitsRepliesIntoWordsAndCanBeCancelled() {
        List<String> deltas = new CopyOnWriteArrayList<>();
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .reply("one two three")
                .streamThenStall(List.of("a"))
                .build();

        assertThat(llm.stream(PLAIN, deltas::add)
                        .completion()
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join()
                        .text())
                .isEqualTo("one two three");
        assertThat(deltas).containsExactly("one ", "two ", "three");

        LlmStream stalled = llm.stream(PLAIN, d -> {});
        stalled.cancel();
        assertThat(stalled.completion()).isCancelled();
    }

    @Test
    void requestsAndOptionsValidateWithFieldNames() {
        assertThatThrownBy(() -> LlmRequest.of(List.of())).hasMessageContaining("messages");
        assertThatThrownBy(() -> LlmOptions.builder().temperature(3)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> LlmOptions.builder().topP(-0.1)).hasMessageContaining("top_p");
        assertThatThrownBy(() -> LlmOptions.builder().maxTokens(0)).hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> new ChatMessage(" ", "x", Optional.empty())).hasMessageContaining("role");
        assertThat(FinishReason.of("stop")).isSameAs(FinishReason.STOP);
        assertThat(FinishReason.of("eos").value()).isEqualTo("eos");
    }
}
