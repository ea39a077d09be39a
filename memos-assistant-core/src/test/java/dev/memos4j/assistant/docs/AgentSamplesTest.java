package dev.memos4j.assistant.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.assistant.llm.ToolCall;
import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.assistant.tools.MemoryTools;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The samples of docs/agents.md do what the guide says. */
class AgentSamplesTest {

    @Test
    void theAgentOffersTheMemoryToolsAndTheAppsOwn() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCall("today", "{}")
                .reply("It is today.")
                .build();
        MemoryAugmentedChat agent = AgentSamples.agent(DocFixtures.memosWithZooMemory(), llm, "user-123");

        ChatReply reply = agent.chatBlocking("user-123", "c-1", "What day is it?");

        assertThat(reply.answer()).isEqualTo("It is today.");
        assertThat(llm.requests().get(0).tools())
                .containsSubsequence(MemoryTools.definitions())
                .extracting(ToolDefinition::name)
                .endsWith("today")
                .hasSize(MemoryTools.definitions().size() + 1);
        assertThat(llm.requests()
                        .get(1)
                        .messages()
                        .get(llm.requests().get(1).messages().size() - 1)
                        .content())
                .matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void theScriptedAgentAnswersFromTheMemoryTool() {
        assertThat(AgentSamples.scriptedAgentTurn(DocFixtures.memosWithZooMemory())
                        .answer())
                .isEqualTo("You are going to the zoo.");
    }

    @Test
    void theListenerSeesEveryToolStep() {
        List<String> log = new CopyOnWriteArrayList<>();
        ScriptedLlmProvider llm =
                ScriptedLlmProvider.builder().toolCall("nope", "{}").reply("ok").build();
        var memos = DocFixtures.memosWithZooMemory();
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm)
                .tools(MemoryTools.forUser(memos, "u").tools())
                .listener(AgentSamples.toolLog(log))
                .build();

        chat.chatBlocking("u", "c", "hi");

        assertThat(log)
                .containsExactly(
                        "nope {}",
                        "failed: error: there is no tool named \"nope\"; the tools are "
                                + "[search_memories, add_memory, get_memory, update_memory, delete_memory, list_memories]");
    }

    @Test
    void theProviderLevelLoopSendsTheCallAndItsResultBack() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .toolCalls(List.of(new ToolCall("call_1", "get_weather", "{\"city\": \"Paris\"}")))
                .respond(request -> LlmResult.of("Take an umbrella."))
                .build();

        assertThat(AgentSamples.askWithTools(llm).text()).isEqualTo("Take an umbrella.");
        assertThat(llm.requests().get(1).messages()).hasSize(3);
        assertThat(llm.requests().get(1).messages().get(2).toolCallId()).contains("call_1");
    }
}
