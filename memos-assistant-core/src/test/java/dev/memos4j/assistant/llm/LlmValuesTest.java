package dev.memos4j.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider-neutral LLM values: options, messages, requests, finish reasons, results and failures. */
class LlmValuesTest {

    @Test
    void optionsKeepEverySettingAndSurviveToBuilder() {
        LlmOptions options = LlmOptions.builder()
                .model("gpt-test")
                .temperature(0.2)
                .topP(0.9)
                .maxTokens(256)
                .stop(List.of("END"))
                .seed(42)
                .user("user-hash")
                .build();

        LlmOptions copy = options.toBuilder().build();
        for (LlmOptions o : List.of(options, copy)) {
            assertThat(o.model()).contains("gpt-test");
            assertThat(o.temperature()).contains(0.2);
            assertThat(o.topP()).contains(0.9);
            assertThat(o.maxTokens()).contains(256);
            assertThat(o.stop()).containsExactly("END");
            assertThat(o.seed()).contains(42L);
            assertThat(o.user()).contains("user-hash");
        }
        assertThat(copy.toString()).isEqualTo(options.toString()).contains("model=gpt-test", "seed=42");

        LlmOptions none = LlmOptions.none();
        assertThat(none.model()).isEmpty();
        assertThat(none.temperature()).isEmpty();
        assertThat(none.topP()).isEmpty();
        assertThat(none.maxTokens()).isEmpty();
        assertThat(none.stop()).isEmpty();
        assertThat(none.seed()).isEmpty();
        assertThat(none.user()).isEmpty();
    }

    @Test
    void optionsRefuseBadValuesNamingTheSetting() {
        LlmOptions.Builder builder = LlmOptions.builder();

        assertThatThrownBy(() -> builder.model(" ")).hasMessage("model must not be blank");
        assertThatThrownBy(() -> builder.model(null)).hasMessage("model must not be blank");
        assertThatThrownBy(() -> builder.temperature(2.1)).hasMessage("temperature must be between 0 and 2, was 2.1");
        assertThatThrownBy(() -> builder.temperature(Double.NaN))
                .hasMessage("temperature must be between 0 and 2, was NaN");
        assertThatThrownBy(() -> builder.topP(1.5)).hasMessage("top_p must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> builder.maxTokens(0)).hasMessage("max_tokens must be at least 1, was 0");
        assertThatThrownBy(() -> builder.stop(List.of("ok", ""))).hasMessage("stop must not contain empty sequences");
        assertThatThrownBy(() -> builder.stop(Arrays.asList("ok", null)))
                .hasMessage("stop must not contain empty sequences");
        assertThatThrownBy(() -> builder.user("")).hasMessage("user must not be blank");
    }

    @Test
    void messagesHaveRolesAndContent() {
        assertThat(ChatMessage.system("s").role()).isEqualTo(ChatMessage.SYSTEM);
        assertThat(ChatMessage.user("u").role()).isEqualTo(ChatMessage.USER);
        assertThat(ChatMessage.assistant("a").role()).isEqualTo(ChatMessage.ASSISTANT);
        ChatMessage tool = ChatMessage.tool("call-1", "{\"ok\":true}");
        assertThat(tool.role()).isEqualTo(ChatMessage.TOOL);
        assertThat(tool.toolCallId()).contains("call-1");
        assertThat(new ChatMessage("user", "x", null).toolCallId()).isEmpty();

        assertThatThrownBy(() -> new ChatMessage(null, "x", Optional.empty())).hasMessage("role is required");
        assertThatThrownBy(() -> new ChatMessage("", "x", Optional.empty())).hasMessage("role must not be blank");
        assertThatThrownBy(() -> ChatMessage.user(null)).hasMessage("content is required");
        assertThatThrownBy(() -> ChatMessage.tool(null, "x")).hasMessage("toolCallId");
    }

    @Test
    void requestsCopyTheirMessagesAndFindTheLastUserText() {
        List<ChatMessage> messages = new java.util.ArrayList<>(List.of(
                ChatMessage.system("s"),
                ChatMessage.user("first"),
                ChatMessage.assistant("a"),
                ChatMessage.user("second")));
        LlmRequest request = LlmRequest.builder()
                .messages(messages)
                .options(LlmOptions.builder().seed(1).build())
                .build();
        messages.clear();

        assertThat(request.messages()).hasSize(4);
        assertThat(request.lastUserText()).contains("second");
        assertThat(request.options().seed()).contains(1L);
        assertThat(request.recall()).isEmpty();
        assertThat(LlmRequest.of(List.of(ChatMessage.system("only system"))).lastUserText())
                .isEmpty();
        assertThat(new LlmRequest(List.of(ChatMessage.user("x")), null, null).options())
                .isSameAs(LlmOptions.none());

        assertThatThrownBy(() -> LlmRequest.builder().build()).hasMessage("messages must not be empty");
        assertThatThrownBy(() -> new LlmRequest(null, null, null)).hasMessage("messages is required");
        assertThatThrownBy(() -> LlmRequest.builder().addMessage(null)).hasMessage("message");
        assertThatThrownBy(() -> LlmRequest.builder().options(null)).hasMessage("options");
        assertThatThrownBy(() -> LlmRequest.builder().recall(null)).hasMessage("recall");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"stop", "length", "tool_calls", "content_filter", "function_call", "STOP", "Length"})
    void knownFinishReasonsAreTheConstants(String wire) {
        FinishReason reason = FinishReason.of(wire);

        assertThat(List.of(
                        FinishReason.STOP,
                        FinishReason.LENGTH,
                        FinishReason.TOOL_CALLS,
                        FinishReason.CONTENT_FILTER,
                        FinishReason.FUNCTION_CALL))
                .containsOnlyOnce(reason);
        assertThat(reason.toString()).isEqualTo(wire.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void unknownFinishReasonsAreKeptAndCompareByValue() {
        FinishReason custom = FinishReason.of("end_turn");

        assertThat(custom.value()).isEqualTo("end_turn");
        assertThat(custom).isEqualTo(FinishReason.of("end_turn")).hasSameHashCodeAs(FinishReason.of("end_turn"));
        assertThat(custom).isNotEqualTo(FinishReason.STOP).isNotEqualTo("end_turn");
        assertThatThrownBy(() -> FinishReason.of(null)).hasMessage("value");
    }

    @Test
    void resultsAndUsage() {
        LlmResult plain = LlmResult.of("hi");
        assertThat(plain.finishReason()).contains(FinishReason.STOP);
        assertThat(plain.usage()).isEmpty();
        assertThat(plain.placeholder()).isFalse();
        LlmResult standIn = LlmResult.ofPlaceholder("[offline]");
        assertThat(standIn.placeholder()).isTrue();
        assertThat(standIn.text()).isEqualTo("[offline]");
        assertThat(standIn.finishReason()).contains(FinishReason.STOP);

        LlmResult full = new LlmResult("hi", null, Optional.of(new TokenUsage(3, 1, 4)), Optional.of("m"), null, null);
        assertThat(full.finishReason()).isEmpty();
        assertThat(full.usage()).map(TokenUsage::totalTokens).contains(4);
        assertThat(full.id()).isEmpty();
        assertThat(full.requestId()).isEmpty();
        // The six-argument constructor of earlier releases still builds a real answer.
        assertThat(full.placeholder()).isFalse();
        assertThatThrownBy(() -> new LlmResult(null, null, null, null, null, null))
                .hasMessage("text is required");
        assertThatThrownBy(() -> new TokenUsage(-1, 0, 0)).hasMessage("token counts must not be negative");
    }

    @Test
    void closeCancelsARunningStreamButNotAFinishedOne() {
        AtomicInteger cancelled = new AtomicInteger();
        CompletableFuture<LlmResult> completion = new CompletableFuture<>();
        LlmStream stream = LlmStream.of(completion, cancelled::incrementAndGet);

        assertThat(stream.completion()).isSameAs(completion);
        stream.close();
        assertThat(completion).isCancelled();
        assertThat(cancelled).hasValue(1);
        stream.cancel(); // a second cancel must not abort the work again
        assertThat(cancelled).hasValue(1);

        CompletableFuture<LlmResult> done = CompletableFuture.completedFuture(LlmResult.of("x"));
        LlmStream finished = LlmStream.of(done, cancelled::incrementAndGet);
        finished.cancel();
        assertThat(cancelled).hasValue(1);
        assertThatThrownBy(() -> LlmStream.of(null, () -> {})).hasMessage("completion");
        StreamListener.NO_OP.onDelta("ignored");
    }

    @Test
    void failuresKeepTheirDetails() {
        IllegalStateException cause = new IllegalStateException("parse");
        assertThat(new LlmInvalidResponseException("not JSON"))
                .hasMessage("not JSON")
                .isInstanceOf(LlmException.class);
        assertThat(new LlmInvalidResponseException("not JSON", cause)).hasCause(cause);
        assertThat(new LlmTimeoutException("slow")).hasMessage("slow");
        assertThat(new LlmTimeoutException("slow", cause)).hasCause(cause);

        LlmServiceException limited = LlmServiceException.of(
                429, "slow down", "requests", "rate_limit_exceeded", null, "req-1", "{}", Duration.ofSeconds(2));
        assertThat(limited)
                .isInstanceOfSatisfying(
                        LlmRateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(limited.code()).contains("rate_limit_exceeded");
        assertThat(limited.requestId()).contains("req-1");
        assertThat(LlmServiceException.of(429, "", "insufficient_quota", null, null, null, null, null))
                .isInstanceOf(LlmQuotaExceededException.class);
        assertThat(LlmServiceException.of(403, "", null, null, null, null, null, null))
                .isInstanceOf(LlmAuthenticationException.class);
        assertThat(LlmServiceException.of(404, "", null, null, null, null, null, null))
                .isInstanceOf(LlmNotFoundException.class);
        assertThat(LlmServiceException.of(502, "", null, null, null, null, null, null))
                .isInstanceOf(LlmServerException.class);
        assertThat(LlmServiceException.of(422, "", null, null, "messages", null, null, null))
                .isInstanceOfSatisfying(
                        LlmBadRequestException.class, e -> assertThat(e.param()).contains("messages"));
        assertThat(LlmServiceException.of(302, "", null, null, null, null, null, null)
                        .getClass())
                .isEqualTo(LlmServiceException.class);
    }

    @Test
    void scriptedProviderStreamsThenFailsAndUsesItsExecutor() {
        LlmServerException down = new LlmServerException(500, "boom", null, null, null, null, null);
        AtomicInteger executed = new AtomicInteger();
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .executor(task -> {
                    executed.incrementAndGet();
                    task.run();
                })
                .streamThenFail(List.of("Hel", "lo"), down)
                .build();
        List<String> deltas = new java.util.ArrayList<>();

        LlmStream stream = llm.stream(LlmRequest.of(List.of(ChatMessage.user("hi"))), deltas::add);

        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(stream.completion()).isCompletedExceptionally();
        assertThatThrownBy(() -> stream.completion().join()).hasCause(down);
        assertThat(executed).hasValue(1);
        assertThat(llm.name()).isEqualTo("scripted");
        assertThat(llm.lastRequest()).map(LlmRequest::lastUserText).contains(Optional.of("hi"));
        assertThat(ScriptedLlmProvider.builder().build().lastRequest()).isEmpty();
        assertThat(ScriptedLlmProvider.alwaysReplying("same")
                        .complete(LlmRequest.of(List.of(ChatMessage.user("x"))))
                        .join()
                        .text())
                .isEqualTo("same");
    }

    @Test
    void scriptedStreamReportsAListenerThatThrows() {
        IllegalStateException broken = new IllegalStateException("listener broke");
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .executor(Runnable::run)
                .reply("a b")
                .build();

        LlmStream stream = llm.stream(LlmRequest.of(List.of(ChatMessage.user("x"))), delta -> {
            throw broken;
        });

        assertThatThrownBy(() -> stream.completion().join()).hasCause(broken);
    }

    @Test
    void notConnectedStreamReportsAListenerThatThrowsAndShortensLongText() {
        IllegalStateException broken = new IllegalStateException("listener broke");
        NotConnectedLlmProvider llm = new NotConnectedLlmProvider();
        LlmRequest request = LlmRequest.of(List.of(ChatMessage.user("word ".repeat(100))));

        LlmStream stream = llm.stream(request, delta -> {
            throw broken;
        });

        assertThatThrownBy(() -> stream.completion()
                        .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                        .join())
                .hasCause(broken);
        assertThat(NotConnectedLlmProvider.describe(request)).contains("...").hasSizeLessThan(300);
        assertThat(llm.name()).isEqualTo("not-connected");
    }
}
