package dev.memos4j.assistant;

import static dev.memos4j.testkit.MemosEndpoint.ADD_MESSAGE;
import static dev.memos4j.testkit.MemosEndpoint.SEARCH_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmServerException;
import dev.memos4j.assistant.llm.LlmStream;
import dev.memos4j.assistant.llm.NotConnectedLlmProvider;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.assistant.llm.StreamListener;
import dev.memos4j.assistant.prompt.NumberedMemoriesPromptBuilder;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.testkit.FakeMemosClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryAugmentedChatTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z"); // a Wednesday
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
    private static final String USER = "memos_home_management_user_123";

    private final FakeMemosClient memos = new FakeMemosClient();

    {
        memos.remember(USER, "Take the kids to the zoo on Saturday", NOW.minus(Duration.ofDays(3)));
        memos.prefer(
                USER,
                "When reminding, first list three key points, then one suggestion",
                NOW.minus(Duration.ofDays(3)));
    }

    /** The fake scores by shared words, not calibrated like a real search: keep whatever it returns. */
    static final ChatOptions KEEP_ALL =
            ChatOptions.builder().relativityThreshold(0).build();

    /** The {@code chat_time} of every stored message: {@link #NOW} in the clock's zone. */
    private static final String TURN_TIME = "2026-11-25 17:00:00";

    private MemoryAugmentedChat.Builder chat(ScriptedLlmProvider llm) {
        return MemoryAugmentedChat.builder(memos, llm)
                .clock(CLOCK)
                .options(KEEP_ALL)
                .writeBackExecutor(Runnable::run);
    }

    @Test
    void recalledMemoriesAndPreferencesReachTheSystemPromptAndTheQueryStaysRaw() {
        ScriptedLlmProvider llm =
                ScriptedLlmProvider.builder().reply("You are going to the zoo.").build();

        ChatReply reply =
                chat(llm).build().chatBlocking(USER, "conversation_002", "What plans do I have for the weekend?");

        assertThat(reply.answer()).isEqualTo("You are going to the zoo.");
        List<ChatMessage> sent = llm.lastRequest().orElseThrow().messages();
        assertThat(sent).isEqualTo(reply.messages());
        assertThat(sent.get(0).role()).isEqualTo(ChatMessage.SYSTEM);
        assertThat(sent.get(0).content())
                .contains(
                        "<facts>",
                        "Take the kids to the zoo on Saturday",
                        "<preferences>",
                        "first list three key points",
                        "Wednesday",
                        "2026-11-25 17:00");
        assertThat(sent.get(1)).isEqualTo(ChatMessage.user("What plans do I have for the weekend?"));
        assertThat(reply.memories()).extracting(m -> m.text()).containsExactly("Take the kids to the zoo on Saturday");
        assertThat(reply.preferences()).hasSize(1);
        assertThat(llm.lastRequest().orElseThrow().recall())
                .contains(reply.promptContext().recall());
        assertThat(reply.degraded()).isFalse();
    }

    @Test
    void searchAsksForTheUserInThisConversationWithTheConfiguredLimits() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("ok");
        ChatOptions options = ChatOptions.builder()
                .memoryLimit(3)
                .preferenceLimit(2)
                .relativityThreshold(0.4)
                .searchTimeout(Duration.ofSeconds(2))
                .build();

        chat(llm).options(options).build().chatBlocking(USER, "c-1", "weekend plans?");

        var search = memos.requests(SEARCH_MEMORY).get(0);
        assertThat(search.query()).isEqualTo("weekend plans?");
        assertThat(search.userId()).contains(USER);
        assertThat(search.conversationId()).contains("c-1");
        assertThat(search.memoryLimitNumber()).isEqualTo(3);
        assertThat(search.preferenceLimitNumber()).isEqualTo(2);
        assertThat(search.relativity()).contains(0.4);
        assertThat(memos.calls().get(0).endpoint()).isEqualTo(SEARCH_MEMORY);
        assertThat(memos.calls().get(0).options().timeout()).contains(Duration.ofSeconds(2));
    }

    @Test
    void storesExactlyTheRawUserTextAndTheFinalAnswerNeverTheInjectedMemories() {
        ScriptedLlmProvider llm =
                ScriptedLlmProvider.builder().reply("Zoo on Saturday!").build();

        ChatReply reply =
                chat(llm).build().chatBlocking(USER, "conversation_007", "What plans do I have for the weekend?");
        Optional<TaskReceipt> receipt = reply.writeBack().join();

        assertThat(receipt).isPresent();
        assertThat(memos.requests(ADD_MESSAGE))
                .containsExactly(AddMessageRequest.builder()
                        .userId(USER)
                        .conversationId("conversation_007")
                        .addMessage(Message.user("What plans do I have for the weekend?")
                                .withChatTime(TURN_TIME))
                        .addMessage(Message.assistant("Zoo on Saturday!").withChatTime(TURN_TIME))
                        .build());
    }

    @Test
    void blankOrMissingUserIdIsRejectedBeforeAnythingIsSent() {
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("x")).build();

        assertThatThrownBy(() -> chat.chat(null, "c", "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userId");
        assertThatThrownBy(() -> chat.chat("  ", "c", "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userId");
        assertThatThrownBy(() -> chat.chat(USER, "", "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversationId");
        assertThatThrownBy(() -> chat.chat(USER, "c", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> chat.chat(USER, "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversationId");
        assertThat(memos.requests(SEARCH_MEMORY)).isEmpty();
    }

    @Test
    void conversationIdComesFromTheConfiguredSupplier() {
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("x"))
                .conversationIdSupplier(() -> "session-42")
                .build();

        ChatReply reply = chat.chat(USER, "hi").join();

        assertThat(reply.turn().conversationId()).isEqualTo("session-42");
        assertThat(memos.requests(SEARCH_MEMORY).get(0).conversationId()).contains("session-42");
    }

    @Test
    void syncWriteBackCompletesBeforeTheReply() {
        CompletableFuture<TaskReceipt> pending = new CompletableFuture<>();
        memos.on(ADD_MESSAGE).thenAnswerAsync(request -> pending);
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("x"))
                .options(ChatOptions.builder()
                        .writeBackPolicy(WriteBackPolicy.SYNC)
                        .build())
                .build();

        CompletableFuture<ChatReply> reply = chat.chat(USER, "c", "hi");

        assertThat(reply).isNotDone();
        pending.complete(TaskReceipt.of("t1", dev.memos4j.client.model.TaskStatus.of("running")));
        assertThat(reply.join().writeBack().join()).map(TaskReceipt::taskId).contains(Optional.of("t1"));
    }

    @Test
    void asyncWriteBackDoesNotHoldTheReply() {
        CompletableFuture<TaskReceipt> pending = new CompletableFuture<>();
        memos.on(ADD_MESSAGE).thenAnswerAsync(request -> pending);
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("x")).build();

        ChatReply reply = chat.chat(USER, "c", "hi").join();

        assertThat(reply.writeBack()).isNotDone();
        pending.complete(TaskReceipt.of("t1", dev.memos4j.client.model.TaskStatus.of("running")));
        assertThat(reply.writeBack().join()).isPresent();
    }

    @Test
    void writeBackPolicyNoneStoresNothing() {
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("x"))
                .options(ChatOptions.builder()
                        .writeBackPolicy(WriteBackPolicy.NONE)
                        .build())
                .build();

        ChatReply reply = chat.chat(USER, "c", "hi").join();

        assertThat(reply.writeBack().join()).isEmpty();
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
    }

    @Test
    void failedWriteBackNeverFailsTheChatButIsReportedToListenerAndFuture() {
        memos.on(ADD_MESSAGE).thenFail(new MemosServerException(503, null, "down", null, null));
        RecordingListener events = new RecordingListener();
        for (WriteBackPolicy policy : List.of(WriteBackPolicy.ASYNC, WriteBackPolicy.SYNC)) {
            MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("fine"))
                    .listener(events)
                    .options(ChatOptions.builder().writeBackPolicy(policy).build())
                    .build();

            ChatReply reply = chat.chat(USER, "c", "hi").join();

            assertThat(reply.answer()).isEqualTo("fine");
            assertThatThrownBy(() -> reply.writeBack().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(MemosServerException.class);
        }
        assertThat(events.writeBackFailures).hasSize(2).allMatch(e -> e instanceof MemosServerException);
    }

    @Test
    void failedSearchDegradesToNoMemoriesAndTellsTheListener() {
        MemosServerException outage = new MemosServerException(500, null, "boom", null, null);
        memos.on(SEARCH_MEMORY).thenFail(outage);
        RecordingListener events = new RecordingListener();
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("answer without memory");

        ChatReply reply =
                chat(llm).listener(events).build().chat(USER, "c", "weekend?").join();

        assertThat(reply.answer()).isEqualTo("answer without memory");
        assertThat(reply.degraded()).isTrue();
        assertThat(reply.searchFailure()).contains(outage);
        assertThat(reply.memories()).isEmpty();
        assertThat(events.degradations).containsExactly(outage);
        assertThat(llm.lastRequest().orElseThrow().messages().get(0).content()).doesNotContain("<memories>");
    }

    @Test
    void searchTimeoutDegradesWithATimeoutCauseAndCancelsTheSearch() {
        CompletableFuture<SearchMemoryResponse> hanging = new CompletableFuture<>();
        memos.on(SEARCH_MEMORY).thenAnswerAsync(request -> hanging);
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("quick"))
                .options(ChatOptions.builder()
                        .searchTimeout(Duration.ofMillis(50))
                        .build())
                .build();

        ChatReply reply =
                chat.chat(USER, "c", "hi").orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(reply.answer()).isEqualTo("quick");
        assertThat(reply.searchFailure()).get().isInstanceOf(MemosTimeoutException.class);
        assertThat(hanging).isCancelled();
    }

    @Test
    void strictModeFailsTheTurnWhenSearchFails() {
        memos.on(SEARCH_MEMORY).thenFail(new MemosServerException(500, null, "boom", null, null));
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("never");
        MemoryAugmentedChat chat = chat(llm)
                .options(ChatOptions.builder()
                        .searchFailurePolicy(SearchFailurePolicy.STRICT)
                        .build())
                .build();

        assertThatThrownBy(() -> chat.chatBlocking(USER, "c", "hi")).isInstanceOf(MemosServerException.class);
        assertThat(llm.requests()).isEmpty();
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
    }

    @Test
    void strictModeFailsOnSearchTimeout() {
        memos.on(SEARCH_MEMORY).thenAnswerAsync(request -> new CompletableFuture<>());
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.alwaysReplying("never"))
                .options(ChatOptions.builder()
                        .searchFailurePolicy(SearchFailurePolicy.STRICT)
                        .searchTimeout(Duration.ofMillis(30))
                        .build())
                .build();

        assertThatThrownBy(() -> chat.chatBlocking(USER, "c", "hi")).isInstanceOf(MemosTimeoutException.class);
    }

    @Test
    void llmFailureFailsTheTurnAndStoresNothing() {
        LlmServerException down = new LlmServerException(503, "overloaded", null, null, null, null, null);
        RecordingListener events = new RecordingListener();
        MemoryAugmentedChat chat = chat(ScriptedLlmProvider.builder().fail(down).build())
                .listener(events)
                .build();

        assertThatThrownBy(() -> chat.chatBlocking(USER, "c", "hi")).isSameAs(down);
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
        assertThat(events.turnFailures).containsExactly(down);
    }

    @Test
    void listenerSeesEveryStageWithTheRealObjectsInOrder() {
        RecordingListener events = new RecordingListener();
        ChatReply reply = chat(ScriptedLlmProvider.alwaysReplying("ok"))
                .listener(events)
                .build()
                .chat(USER, "c", "weekend zoo?")
                .join();
        reply.writeBack().join();

        assertThat(events.stages)
                .containsExactly(
                        "started",
                        "searchRequest",
                        "searchResponse",
                        "promptBuilt",
                        "llmRequest",
                        "llmResponse",
                        "writeBackRequest",
                        "writeBackResponse",
                        "reply");
        assertThat(events.searchRequests.get(0))
                .isSameAs(memos.requests(SEARCH_MEMORY).get(0));
        assertThat(events.writeBackRequests.get(0))
                .isSameAs(memos.requests(ADD_MESSAGE).get(0));
    }

    @Test
    void aThrowingListenerDoesNotBreakTheTurn() {
        ChatListener broken = new ChatListener() {
            @Override
            public void onPromptBuilt(
                    ChatTurn turn, dev.memos4j.assistant.prompt.PromptContext c, List<ChatMessage> m) {
                throw new IllegalStateException("listener bug");
            }
        };
        ChatReply reply = chat(ScriptedLlmProvider.alwaysReplying("ok"))
                .listener(broken)
                .build()
                .chat(USER, "c", "hi")
                .join();
        assertThat(reply.answer()).isEqualTo("ok");
    }

    @Test
    void theUseCasePromptBuilderCanReplaceTheDefault() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("ok");
        chat(llm)
                .promptBuilder(NumberedMemoriesPromptBuilder.create())
                .build()
                .chat(USER, "c", "zoo weekend?")
                .join();

        assertThat(llm.lastRequest().orElseThrow().messages().get(0).content())
                .endsWith("\n\n## Memories:\n1. Take the kids to the zoo on Saturday\n");
    }

    @Test
    void notConnectedProviderShowsTheRecalledMemoriesButOnlyTheUsersTextIsStored() {
        RecordingListener events = new RecordingListener();
        ChatReply reply = MemoryAugmentedChat.builder(memos, new NotConnectedLlmProvider(Runnable::run))
                .clock(CLOCK)
                .options(KEEP_ALL)
                .listener(events)
                .writeBackExecutor(Runnable::run)
                .build()
                .chat(USER, "c", "What plans do I have for the weekend?")
                .join();

        assertThat(reply.answer())
                .startsWith("[LLM not connected]")
                .contains(
                        "What plans do I have for the weekend?",
                        "memory 1: Take the kids to the zoo on Saturday",
                        "preference 1: When reminding");
        assertThat(reply.llmResult().placeholder()).isTrue();
        assertThat(reply.writeBack().join()).isPresent();
        // The stand-in echoes the recalled memories: storing it would feed them back as a new memory.
        AddMessageRequest onlyTheUser = AddMessageRequest.builder()
                .userId(USER)
                .conversationId("c")
                .addMessage(
                        Message.user("What plans do I have for the weekend?").withChatTime(TURN_TIME))
                .build();
        assertThat(memos.requests(ADD_MESSAGE)).containsExactly(onlyTheUser);
        assertThat(events.writeBackRequests).containsExactly(onlyTheUser);
    }

    @Test
    void aPlaceholderFromAnyProviderIsNeverStoredEvenWhenBlank() {
        LlmProvider standIn = new LlmProvider() {
            @Override
            public CompletableFuture<LlmResult> complete(LlmRequest request) {
                return CompletableFuture.completedFuture(LlmResult.ofPlaceholder(""));
            }

            @Override
            public LlmStream stream(LlmRequest request, StreamListener listener) {
                return LlmStream.of(complete(request), () -> {});
            }
        };
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, standIn)
                .clock(CLOCK)
                .options(KEEP_ALL.toBuilder()
                        .writeBackPolicy(WriteBackPolicy.SYNC)
                        .build())
                .build();

        chat.chatBlocking(USER, "c-1", "I moved to Hangzhou last week.");
        chat.chatStream(USER, "c-2", "My son starts school on Monday.", StreamListener.NO_OP)
                .reply()
                .join();

        assertThat(memos.requests(ADD_MESSAGE))
                .extracting(AddMessageRequest::messages)
                .containsExactly(
                        List.of(Message.user("I moved to Hangzhou last week.").withChatTime(TURN_TIME)),
                        List.of(Message.user("My son starts school on Monday.").withChatTime(TURN_TIME)));
    }

    @Test
    void theDefaultThresholdKeepsMemoriesBelowItOutOfThePrompt() {
        memos.on(SEARCH_MEMORY)
                .thenReturn(SearchMemoryResponse.of(
                        List.of(
                                scored("mem-1", "Take the kids to the zoo on Saturday", 0.62),
                                scored("mem-2", "My wife is Xiaoyun", 0.44)),
                        List.of()));
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("ok");

        ChatReply reply = MemoryAugmentedChat.builder(memos, llm)
                .clock(CLOCK)
                .build()
                .chatBlocking(USER, "c", "What plans do I have for the weekend?");

        assertThat(memos.requests(SEARCH_MEMORY).get(0).relativity())
                .contains(ChatOptions.DEFAULT_RELATIVITY_THRESHOLD);
        assertThat(reply.memories()).extracting(m -> m.text()).containsExactly("Take the kids to the zoo on Saturday");
        assertThat(reply.messages().get(0).content()).doesNotContain("Xiaoyun");

        ChatReply everything = MemoryAugmentedChat.builder(memos, llm)
                .clock(CLOCK)
                .options(KEEP_ALL)
                .build()
                .chatBlocking(USER, "c", "What plans do I have for the weekend?");
        assertThat(memos.requests(SEARCH_MEMORY).get(1).relativity()).contains(0.0);
        assertThat(everything.memories()).hasSize(2);
    }

    @Test
    void timingsAreReported() {
        ChatReply reply = chat(ScriptedLlmProvider.alwaysReplying("ok"))
                .build()
                .chat(USER, "c", "hi")
                .join();
        ChatTimings t = reply.timings();
        assertThat(t.total()).isGreaterThanOrEqualTo(t.search().plus(t.prompt()).plus(t.llm()));
    }

    @Test
    void aClientThatThrowsInsteadOfFailingItsFutureStillDegrades() {
        memos.close(); // a closed client throws from the call itself

        ChatReply reply = chat(ScriptedLlmProvider.alwaysReplying("ok"))
                .build()
                .chat(USER, "c", "hi")
                .join();

        assertThat(reply.searchFailure()).get().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPromptBuilderFailureFailsTheTurnAndNothingIsSentToTheLlm() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("never");
        MemoryAugmentedChat chat = chat(llm)
                .promptBuilder(context -> {
                    throw new IllegalStateException("template broken");
                })
                .build();

        assertThatThrownBy(() -> chat.chatBlocking(USER, "c", "hi")).hasMessage("template broken");
        assertThat(llm.requests()).isEmpty();
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
    }

    /** A search hit the service scored {@code relativity}, read as the client reads a response. */
    private static MemoryDetail scored(String id, String text, double relativity) {
        return MemosJson.jsonMapper()
                .convertValue(
                        Map.of(
                                "id",
                                id,
                                "memory_value",
                                text,
                                "create_time",
                                NOW.toEpochMilli(),
                                "relativity",
                                relativity),
                        MemoryDetail.class);
    }

    /** Records listener events for assertions. */
    static final class RecordingListener implements ChatListener {
        final List<String> stages = new CopyOnWriteArrayList<>();
        final List<Throwable> degradations = new CopyOnWriteArrayList<>();
        final List<Throwable> turnFailures = new CopyOnWriteArrayList<>();
        final List<Throwable> writeBackFailures = new CopyOnWriteArrayList<>();
        final List<dev.memos4j.client.model.SearchMemoryRequest> searchRequests = new CopyOnWriteArrayList<>();
        final List<AddMessageRequest> writeBackRequests = new CopyOnWriteArrayList<>();
        final List<String> deltas = new CopyOnWriteArrayList<>();

        @Override
        public void onTurnStarted(ChatTurn turn) {
            stages.add("started");
        }

        @Override
        public void onSearchRequest(ChatTurn turn, dev.memos4j.client.model.SearchMemoryRequest request) {
            stages.add("searchRequest");
            searchRequests.add(request);
        }

        @Override
        public void onSearchResponse(ChatTurn turn, SearchMemoryResponse response) {
            stages.add("searchResponse");
        }

        @Override
        public void onSearchDegraded(ChatTurn turn, Throwable cause) {
            stages.add("degraded");
            degradations.add(cause);
        }

        @Override
        public void onPromptBuilt(
                ChatTurn turn, dev.memos4j.assistant.prompt.PromptContext context, List<ChatMessage> messages) {
            stages.add("promptBuilt");
        }

        @Override
        public void onLlmRequest(ChatTurn turn, dev.memos4j.assistant.llm.LlmRequest request) {
            stages.add("llmRequest");
        }

        @Override
        public void onLlmDelta(ChatTurn turn, String delta) {
            deltas.add(delta);
        }

        @Override
        public void onLlmResponse(ChatTurn turn, dev.memos4j.assistant.llm.LlmResult result) {
            stages.add("llmResponse");
        }

        @Override
        public void onReply(ChatTurn turn, ChatReply reply) {
            stages.add("reply");
        }

        @Override
        public void onTurnFailed(ChatTurn turn, Throwable cause) {
            stages.add("failed");
            turnFailures.add(cause);
        }

        @Override
        public void onWriteBackRequest(ChatTurn turn, AddMessageRequest request) {
            stages.add("writeBackRequest");
            writeBackRequests.add(request);
        }

        @Override
        public void onWriteBackResponse(ChatTurn turn, TaskReceipt receipt) {
            stages.add("writeBackResponse");
        }

        @Override
        public void onWriteBackFailed(ChatTurn turn, Throwable cause) {
            stages.add("writeBackFailed");
            writeBackFailures.add(cause);
        }
    }
}
