package dev.memos4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.local.LocalMemos;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine's in-process embedding model (langchain4j-embeddings, on langchain4j-core 1.20) and
 * AI services (langchain4j 1.19) in one application: the weekend question finds the zoo plan by meaning,
 * with no word in common.
 */
class EmbeddingsCoexistenceTest {

    interface Assistant {
        String chat(@MemoryId MemosMemoryId id, @UserMessage String text);
    }

    @Test
    void theDefaultEmbedderAndAiServicesRunTogether() {
        EchoModels models = new EchoModels();
        try (LocalMemos memos = LocalMemos.inMemory()) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("alice")
                            .conversationId("seed")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .build())
                    .join();
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(models.chat)
                    .contentRetriever(MemosContentRetriever.builder(memos).build())
                    .chatMemoryProvider(id -> MessageWindowChatMemory.builder()
                            .id(id)
                            .maxMessages(10)
                            .build())
                    .build();

            String answer = assistant.chat(new MemosMemoryId("alice", "c1"), "What plans do I have for the weekend?");

            assertThat(answer).contains("zoo on Saturday");
        }
    }
}
