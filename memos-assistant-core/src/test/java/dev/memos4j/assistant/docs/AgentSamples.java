package dev.memos4j.assistant.docs;

import dev.memos4j.assistant.ChatListener;
import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.ChatTurn;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmProvider;
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
import dev.memos4j.client.MemosClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The code of docs/agents.md, kept compiling. */
final class AgentSamples {

    private AgentSamples() {}

    // [agent]
    static MemoryAugmentedChat agent(MemosClient memos, LlmProvider llm, String userId) {
        // The memory tools of this user only: no tool takes a user id, whatever the model writes.
        MemoryTools memory = MemoryTools.forUser(memos, userId);

        // An app tool: a definition (name, description, JSON schema) and a handler.
        Tool today = Tool.of(
                new ToolDefinition("today", "Today's date, ISO-8601", Map.of()),
                arguments -> CompletableFuture.completedFuture(LocalDate.now().toString()));

        List<Tool> tools = new ArrayList<>(memory.tools());
        tools.add(today);
        return MemoryAugmentedChat.builder(memos, llm)
                .tools(tools)
                .toolLoopOptions(new ToolLoopOptions(4, Duration.ofSeconds(10)))
                .build();
    }
    // [/agent]

    // [listener]
    static ChatListener toolLog(List<String> log) {
        return new ChatListener() {
            @Override
            public void onToolCall(ChatTurn turn, ToolCall call) {
                log.add(call.name() + " " + call.arguments());
            }

            @Override
            public void onToolResult(ChatTurn turn, ToolResult result) {
                log.add((result.error() ? "failed: " : "ok: ") + result.content());
            }
        };
    }
    // [/listener]

    // [scripted]
    static ChatReply scriptedAgentTurn(MemosClient memos) {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                // 1st model call: the model asks for a memory search
                .toolCall("search_memories", "{\"query\": \"weekend plans\"}")
                // 2nd model call: it answers from the tool result, the last message of the request
                .respond(request -> {
                    List<ChatMessage> messages = request.messages();
                    String found = messages.get(messages.size() - 1).content();
                    return LlmResult.of(found.contains("zoo") ? "You are going to the zoo." : "I don't know.");
                })
                .build();
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm)
                .tools(MemoryTools.forUser(memos, "user-123").tools())
                .build();
        return chat.chatBlocking("user-123", "conversation-1", "What are my plans for the weekend?");
    }
    // [/scripted]

    // [provider]
    static LlmResult askWithTools(LlmProvider llm) {
        ToolDefinition weather = new ToolDefinition(
                "get_weather",
                "The current weather of a city",
                Map.of(
                        "type", "object",
                        "properties", Map.of("city", Map.of("type", "string")),
                        "required", List.of("city")));
        LlmRequest request = LlmRequest.builder()
                .addMessage(ChatMessage.user("Do I need an umbrella in Paris?"))
                .tools(List.of(weather))
                .toolChoice(ToolChoice.AUTO)
                .build();
        LlmResult first = llm.complete(request).join();
        if (!first.hasToolCalls()) {
            return first;
        }
        LlmRequest.Builder next =
                request.toBuilder().addMessage(ChatMessage.assistantToolCalls(first.text(), first.toolCalls()));
        for (ToolCall call : first.toolCalls()) {
            next.addMessage(ChatMessage.tool(call.id(), "{\"city\": \"Paris\", \"rain\": true}"));
        }
        return llm.complete(next.build()).join();
    }
    // [/provider]
}
