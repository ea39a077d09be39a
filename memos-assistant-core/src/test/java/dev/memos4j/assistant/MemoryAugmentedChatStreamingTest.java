package dev.memos4j.assistant;

import static dev.memos4j.testkit.MemosEndpoint.ADD_MESSAGE;
import static dev.memos4j.testkit.MemosEndpoint.SEARCH_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.memos4j.assistant.llm.LlmStreamException;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.testkit.FakeMemosClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryAugmentedChatStreamingTest {

    private static final String USER = "u-stream";

    private final FakeMemosClient memos = new FakeMemosClient();

    {
        memos.remember(USER, "Take the kids to the zoo on Saturday", Instant.parse("2026-11-22T08:00:00Z"));
    }

    private final MemoryAugmentedChatTest.RecordingListener events = new MemoryAugmentedChatTest.RecordingListener();

    private MemoryAugmentedChat chat(ScriptedLlmProvider llm) {
        return MemoryAugmentedChat.builder(memos, llm)
                .listener(events)
                .options(MemoryAugmentedChatTest.KEEP_ALL)
                .clock(Clock.fixed(Instant.parse("2026-11-22T08:30:00Z"), ZoneOffset.UTC))
                .writeBackExecutor(Runnable::run)
                .build();
    }

    @Test
    void deltasArriveInOrderAndTheReplyAndWriteBackCarryTheWholeAnswer() {
        List<String> deltas = new CopyOnWriteArrayList<>();
        ChatReplyStream stream = chat(ScriptedLlmProvider.builder()
                        .reply("Zoo on Saturday with the kids.")
                        .build())
                .chatStream(USER, "c-9", "weekend zoo?", deltas::add);

        ChatReply reply = stream.reply().orTimeout(10, TimeUnit.SECONDS).join();
        reply.writeBack().orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(String.join("", deltas)).isEqualTo("Zoo on Saturday with the kids.");
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(events.deltas).isEqualTo(deltas);
        assertThat(reply.answer()).isEqualTo("Zoo on Saturday with the kids.");
        assertThat(reply.memories()).isNotEmpty();
        assertThat(memos.requests(ADD_MESSAGE))
                .containsExactly(AddMessageRequest.builder()
                        .userId(USER)
                        .conversationId("c-9")
                        .addMessage(Message.user("weekend zoo?").withChatTime("2026-11-22 08:30:00"))
                        .addMessage(Message.assistant("Zoo on Saturday with the kids.")
                                .withChatTime("2026-11-22 08:30:00"))
                        .build());
    }

    @Test
    void cancellingMidStreamAbortsTheLlmStreamAndStoresNothing() throws InterruptedException {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .streamThenStall(List.of("Take ", "the "))
                .build();
        CountDownLatch twoDeltas = new CountDownLatch(2);

        ChatReplyStream stream = chat(llm).chatStream(USER, "c", "weekend?", d -> twoDeltas.countDown());
        assertThat(twoDeltas.await(10, TimeUnit.SECONDS)).isTrue();
        stream.cancel();

        assertThat(stream.isCancelled()).isTrue();
        assertThat(stream.reply()).isCancelled();
        assertThat(catchThrowable(() -> stream.reply().join())).isInstanceOf(CancellationException.class);
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
        assertThat(events.stages).doesNotContain("writeBackRequest", "reply");
    }

    @Test
    void cancellingBeforeTheSearchAnswersNeverCallsTheLlm() {
        CompletableFuture<SearchMemoryResponse> slowSearch = new CompletableFuture<>();
        memos.on(SEARCH_MEMORY).thenAnswerAsync(request -> slowSearch);
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("never");

        ChatReplyStream stream = chat(llm).chatStream(USER, "c", "hi", d -> {});
        stream.cancel();
        slowSearch.complete(SearchMemoryResponse.of(List.of(), List.of()));

        assertThat(stream.reply()).isCancelled();
        assertThat(llm.requests()).isEmpty();
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
    }

    @Test
    void aStreamThatBreaksFailsTheTurnAndStoresNothing() {
        LlmStreamException broken = new LlmStreamException("the stream ended before [DONE]");
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .streamThenFail(List.of("Par", "tial"), broken)
                .build();

        ChatReplyStream stream = chat(llm).chatStream(USER, "c", "hi", d -> {});
        Throwable failure = catchThrowable(
                () -> stream.reply().orTimeout(10, TimeUnit.SECONDS).join());

        assertThat(failure).isInstanceOf(CompletionException.class).hasCause(broken);
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
        assertThat(events.turnFailures).containsExactly(broken);
    }

    @Test
    void cancelAfterTheAnswerCompletedChangesNothing() {
        ChatReplyStream stream =
                chat(ScriptedLlmProvider.alwaysReplying("done")).chatStream(USER, "c", "hi", d -> {});
        ChatReply reply = stream.reply().orTimeout(10, TimeUnit.SECONDS).join();

        stream.cancel();

        assertThat(stream.isCancelled()).isFalse();
        assertThat(reply.writeBack().join()).isPresent();
        assertThat(memos.requests(ADD_MESSAGE)).hasSize(1);
    }
}
