package dev.memos4j.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.testkit.Failures;
import dev.memos4j.testkit.FakeMemosClient;
import dev.memos4j.testkit.MemosEndpoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sample of docs/testing.md: an application's own test with the testkit and a scripted LLM. */
class FamilyAssistantTest {

    /** The application's code under test: it only sees the MemosClient and LlmProvider interfaces. */
    static final class FamilyAssistant {
        private final MemoryAugmentedChat chat;

        FamilyAssistant(MemosClient memos, LlmProvider llm) {
            this.chat = MemoryAugmentedChat.builder(memos, llm).build();
        }

        ChatReply ask(String userId, String question) {
            return chat.chat(userId, "family-" + userId, question).join();
        }
    }

    @Test
    void answersWithWhatItRemembersAndStoresTheExchange() {
        FakeMemosClient memos = new FakeMemosClient();
        memos.remember("alice", "Zoo with the kids on Saturday", Instant.parse("2026-12-01T09:00:00Z"));
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("You are taking the kids to the zoo.");
        FamilyAssistant assistant = new FamilyAssistant(memos, llm);

        ChatReply reply = assistant.ask("alice", "What are we doing with the kids on Saturday?");
        reply.writeBack().join(); // the exchange is stored in the background

        assertThat(reply.answer()).isEqualTo("You are taking the kids to the zoo.");
        assertThat(llm.lastRequest().orElseThrow().messages())
                .extracting(ChatMessage::content)
                .anySatisfy(content -> assertThat(content).contains("Zoo with the kids on Saturday"));
        AddMessageRequest stored = memos.requests(MemosEndpoint.ADD_MESSAGE).get(0);
        assertThat(stored.userId()).contains("alice");
        assertThat(stored.messages()).hasSize(2);
    }

    @Test
    void keepsAnsweringWhenTheMemoryServiceIsDown() {
        FakeMemosClient memos = new FakeMemosClient();
        memos.on(MemosEndpoint.SEARCH_MEMORY).thenFail(Failures.status(503));
        FamilyAssistant assistant =
                new FamilyAssistant(memos, ScriptedLlmProvider.alwaysReplying("Sorry, I do not know yet."));

        ChatReply reply = assistant.ask("alice", "What are we doing on Saturday?");

        assertThat(reply.degraded()).isTrue();
        assertThat(reply.answer()).isEqualTo("Sorry, I do not know yet.");
    }
}
