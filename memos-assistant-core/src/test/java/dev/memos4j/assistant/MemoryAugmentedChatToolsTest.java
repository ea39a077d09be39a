package dev.memos4j.assistant;

import static dev.memos4j.testkit.MemosEndpoint.ADD_MESSAGE;
import static dev.memos4j.testkit.MemosEndpoint.SEARCH_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.assistant.llm.ToolCall;
import dev.memos4j.assistant.llm.ToolChoice;
import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.assistant.tools.MemoryTools;
import dev.memos4j.assistant.tools.Tool;
import dev.memos4j.assistant.tools.ToolLoopOptions;
import dev.memos4j.assistant.tools.ToolResult;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.Role;
import dev.memos4j.testkit.FakeMemosClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An agent over the facade: the model calls tools, the loop runs them, the final answer is stored. */
class MemoryAugmentedChatToolsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    private final FakeMemosClient memos = new FakeMemosClient();

    {
        memos.remember(ALICE, "Alice takes the kids to the zoo on Saturday", T0);
        memos.remember(BOB, "Bob has a dentist appointment on Monday", T0);
    }

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<ToolResult> toolResults = new CopyOnWriteArrayList<>();
    private final ChatListener recorder = new ChatListener() {
        @Override
        public void onSearchResponse(ChatTurn turn, dev.memos4j.client.model.SearchMemoryResponse response) {
            events.add("search");
        }

        @Override
        public void onLlmRequest(ChatTurn turn, LlmRequest request) {
            events.add("llm-request");
        }

        @Override
        public void onLlmResponse(ChatTurn turn, LlmResult result) {
            events.add(result.hasToolCalls() ? "llm-tool-calls" : "llm-answer");
        }

        @Override
        public void onToolCall(ChatTurn turn, ToolCall call) {
            events.add("tool-call:" + call.name());
        }

        @Override
        public void onToolResult(ChatTurn turn, ToolResult result) {
            toolResults.add(result);
            events.add("tool-result:" + result.call().name() + (result.error() ? ":error" : ""));
        }

        @Override
        public void onWriteBackRequest(ChatTurn turn, AddMessageRequest request) {
            events.add("write-back");
        }
    };

    private MemoryAugmentedChat.Builder chat(ScriptedLlmProvider llm, List<Tool> tools) {
        return MemoryAugmentedChat.builder(memos, llm)
                .writeBackExecutor(Runnable::run)
                .options(ChatOptions.builder()
                        .writeBackPolicy(WriteBackPolicy.SYNC)
                        .build())
                .listener(recorder)
                .tools(tools);
    }

    private static String lastMessage(LlmRequest request) {
        return request.messages().get(request.messages().size() - 1).content();
    }

    @Test
    void theModelCallsAMemoryToolAndAnswersFromItsResult() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCall("search_memories", "{\"query\": \"zoo\"}")
                .respond(request -> LlmResult.of("From memory: " + lastMessage(request)))
                .build();
        MemoryTools tools = MemoryTools.forUser(memos, ALICE);

        ChatReply reply =
                chat(llm, tools.tools()).build().chatBlocking(ALICE, "c-1", "When do the kids go to the zoo?");

        // Memories are still searched before the first model call, and the tools are offered to it.
        LlmRequest first = llm.requests().get(0);
        assertThat(first.recall().orElseThrow().memories()).isNotEmpty();
        assertThat(first.tools()).extracting(ToolDefinition::name).contains("search_memories", "add_memory");
        // The second call carries the assistant's call and the tool's result.
        LlmRequest second = llm.requests().get(1);
        List<ChatMessage> tail = second.messages()
                .subList(second.messages().size() - 2, second.messages().size());
        assertThat(tail.get(0).toolCalls()).extracting(ToolCall::name).containsExactly("search_memories");
        assertThat(tail.get(1).role()).isEqualTo(ChatMessage.TOOL);
        assertThat(tail.get(1).toolCallId()).contains("call_1");
        assertThat(tail.get(1).content()).contains("Alice takes the kids to the zoo on Saturday");
        assertThat(reply.answer()).startsWith("From memory: {\"memories\":[").contains("zoo on Saturday");
        // Every step is reported, in order.
        assertThat(events)
                .containsExactly(
                        "search",
                        "llm-request",
                        "llm-tool-calls",
                        "tool-call:search_memories",
                        "tool-result:search_memories",
                        "llm-request",
                        "llm-answer",
                        "write-back");
        // Only the user's text and the final answer are stored: no tool traffic.
        AddMessageRequest stored =
                memos.requests(ADD_MESSAGE).get(memos.requests(ADD_MESSAGE).size() - 1);
        assertThat(stored.messages())
                .extracting(Message::role, Message::content)
                .containsExactly(
                        tuple(Role.USER, "When do the kids go to the zoo?"), tuple(Role.ASSISTANT, reply.answer()));
        assertThat(memos.requests(ADD_MESSAGE)).hasSize(1);
    }

    @Test
    void aModelThatPutsAnotherUserIdInTheArgumentsIsToldNoAndReachesNothing() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCall("search_memories", "{\"query\": \"dentist\", \"user_id\": \"bob\"}")
                .toolCall("delete_memory", "{\"memory_id\": \"mem-2\"}") // Bob's memory id
                .respond(request -> LlmResult.of("done"))
                .build();

        chat(llm, MemoryTools.forUser(memos, ALICE).tools()).build().chatBlocking(ALICE, "c-1", "Forget Bob's dentist");

        assertThat(toolResults).allMatch(ToolResult::error);
        assertThat(toolResults.get(0).content()).startsWith("error: user_id cannot be set");
        assertThat(toolResults.get(1).content()).contains("is not one of this user's memories");
        assertThat(memos.memories(BOB))
                .extracting(MemoryDetail::text)
                .containsExactly("Bob has a dentist appointment on Monday");
        assertThat(memos.requests(SEARCH_MEMORY))
                .allMatch(s -> s.userId().orElseThrow().equals(ALICE));
    }

    @Test
    void parallelCallsRunAndTheirResultsComeBackInCallOrder() {
        Tool slowEcho = Tool.of(
                new ToolDefinition("echo", "echoes", Map.of()),
                args -> CompletableFuture.supplyAsync(
                        () -> "echo " + args, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)));
        Tool fastUpper = Tool.of(
                new ToolDefinition("upper", "upper-cases", Map.of()),
                args -> CompletableFuture.completedFuture(args.toUpperCase()));
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCalls(List.of(new ToolCall("a", "echo", "{\"x\":1}"), new ToolCall("b", "upper", "{\"y\":\"z\"}")))
                .respond(request -> LlmResult.of("ok"))
                .build();

        chat(llm, List.of(slowEcho, fastUpper)).build().chatBlocking(ALICE, "c-1", "go");

        List<ChatMessage> sent = llm.requests().get(1).messages();
        List<ChatMessage> results = sent.subList(sent.size() - 2, sent.size());
        assertThat(results).extracting(m -> m.toolCallId().orElseThrow()).containsExactly("a", "b");
        assertThat(results).extracting(ChatMessage::content).containsExactly("echo {\"x\":1}", "{\"Y\":\"Z\"}");
    }

    @Test
    void unknownFailingAndSlowToolsBecomeErrorResultsAndTheTurnGoesOn() {
        Tool failing = Tool.of(new ToolDefinition("failing", "fails", Map.of()), args -> {
            throw new IllegalStateException("the calendar is down");
        });
        Tool hanging =
                Tool.of(new ToolDefinition("hanging", "never answers", Map.of()), args -> new CompletableFuture<>());
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCalls(List.of(
                        new ToolCall("1", "nope", "{}"),
                        new ToolCall("2", "failing", "{}"),
                        new ToolCall("3", "hanging", "{}")))
                .respond(request -> LlmResult.of("sorry"))
                .build();

        ChatReply reply = chat(llm, List.of(failing, hanging))
                .toolLoopOptions(new ToolLoopOptions(3, Duration.ofMillis(200)))
                .build()
                .chatBlocking(ALICE, "c-1", "go");

        assertThat(reply.answer()).isEqualTo("sorry");
        assertThat(toolResults).allMatch(ToolResult::error);
        List<ChatMessage> sent = llm.requests().get(1).messages();
        assertThat(sent.subList(sent.size() - 3, sent.size()))
                .extracting(ChatMessage::content)
                .containsExactly(
                        "error: there is no tool named \"nope\"; the tools are [failing, hanging]",
                        "error: the calendar is down",
                        "error: the tool did not answer within PT0.2S");
    }

    @Test
    void theLoopIsBoundedAndTheLastRequestForbidsTools() {
        Tool ping =
                Tool.of(new ToolDefinition("ping", "", Map.of()), args -> CompletableFuture.completedFuture("pong"));
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCall("ping", "{}")
                .toolCall("ping", "{}")
                .respond(request -> request.toolChoice().equals(java.util.Optional.of(ToolChoice.NONE))
                        ? LlmResult.of("answering without tools")
                        : LlmResult.ofToolCalls("", List.of(new ToolCall("x", "ping", "{}"))))
                .build();

        ChatReply reply = chat(llm, List.of(ping))
                .toolLoopOptions(new ToolLoopOptions(2, Duration.ofSeconds(5)))
                .build()
                .chatBlocking(ALICE, "c-1", "go");

        assertThat(reply.answer()).isEqualTo("answering without tools");
        assertThat(llm.requests()).hasSize(3);
        assertThat(llm.requests().get(0).toolChoice()).isEmpty();
        assertThat(llm.requests().get(2).toolChoice()).contains(ToolChoice.NONE);
    }

    @Test
    void aModelThatKeepsCallingToolsFailsTheTurnAndNothingIsStored() {
        Tool ping =
                Tool.of(new ToolDefinition("ping", "", Map.of()), args -> CompletableFuture.completedFuture("pong"));
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .otherwise(request -> "unused")
                .toolCall("ping", "{}")
                .toolCall("ping", "{}")
                .build();

        MemoryAugmentedChat agent = chat(llm, List.of(ping))
                .toolLoopOptions(new ToolLoopOptions(1, Duration.ofSeconds(5)))
                .build();

        assertThatThrownBy(() -> agent.chatBlocking(ALICE, "c-1", "go"))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("still asked for tools after 1 rounds");
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
    }

    @Test
    void aStreamedTurnStreamsTheFinalAnswerAfterTheToolSteps() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCall("list_memories", "{\"limit\": 1}")
                .reply("You take the kids to the zoo.")
                .build();
        List<String> deltas = new ArrayList<>();

        ChatReply reply = chat(llm, MemoryTools.forUser(memos, ALICE).tools())
                .build()
                .chatStream(ALICE, "c-1", "Remind me", deltas::add)
                .reply()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();

        assertThat(String.join("", deltas)).isEqualTo("You take the kids to the zoo.");
        assertThat(reply.answer()).isEqualTo("You take the kids to the zoo.");
        assertThat(events).contains("tool-call:list_memories", "tool-result:list_memories");
    }

    @Test
    void withoutToolsNothingChanges() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("plain");

        chat(llm, List.of()).build().chatBlocking(ALICE, "c-1", "hi");

        assertThat(llm.requests().get(0).tools()).isEmpty();
    }

    @Test
    void toolNamesMustBeUniqueAndLoopOptionsValid() {
        Tool a = Tool.of(new ToolDefinition("same", "", Map.of()), args -> CompletableFuture.completedFuture(""));
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("x");

        assertThatThrownBy(() -> chat(llm, List.of(a, a)).build()).hasMessageContaining("\"same\" is repeated");
        assertThatThrownBy(() -> new ToolLoopOptions(0, Duration.ofSeconds(1))).hasMessageContaining("maxSteps");
        assertThatThrownBy(() -> new ToolLoopOptions(1, Duration.ZERO)).hasMessageContaining("toolTimeout");
        assertThat(ToolLoopOptions.defaults().maxSteps()).isEqualTo(5);
    }
}
