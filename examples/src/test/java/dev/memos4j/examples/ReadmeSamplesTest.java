package dev.memos4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.NotConnectedLlmProvider;
import dev.memos4j.assistant.openai.OpenAiLlmProvider;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.local.LocalMemos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick-start code, kept here so it always compiles and does what the README says. The
 * bodies between the markers are copied verbatim from README.md; only the backends differ (the local
 * engine and the offline model instead of keys this build does not have).
 */
class ReadmeSamplesTest {

    @TempDir
    Path dataDir;

    private final List<String> printed = new ArrayList<>();

    @Test
    void clientQuickStartStoresAndRecalls() {
        try (MemosClient memos = LocalMemos.inMemory()) {
            // README: "The client" (with MemosClient.fromEnv() replaced by the local engine)
            memos.addMessage(AddMessageRequest.builder()
                            .userId("user-123")
                            .conversationId("conversation_001")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .build())
                    .join();

            SearchMemoryResponse found = memos.searchMemory(SearchMemoryRequest.builder()
                            .userId("user-123")
                            .query("What plans do I have for the weekend?")
                            .build())
                    .join();
            found.memories().forEach(m -> printed.add(m.memoryValue()));
            // end of README sample
        }
        assertThat(printed).contains("Take the kids to the zoo on Saturday, please remember it.");
    }

    @Test
    void memoryAugmentedChatQuickStartUsesAnotherConversationsMemory() {
        try (MemosClient memos = LocalMemos.open(dataDir)) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("user-123")
                            .conversationId("conversation_001")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .asyncMode(false)
                            .build())
                    .join();

            // README: "Memory-augmented chat" (OpenAiLlmProvider.fromEnv() replaced by the offline model)
            MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, new NotConnectedLlmProvider())
                    .build();

            ChatReply reply = chat.chat("user-123", "conversation_002", "What plans do I have for the weekend?")
                    .join();
            printed.add(reply.answer());
            // end of README sample
            reply.writeBack().join();
        }
        assertThat(printed.get(0)).startsWith("[LLM not connected]").contains("zoo on Saturday");
    }

    @Test
    void localModeQuickStartSurvivesAReopen() {
        Path memosData = dataDir.resolve("memos-data");
        try (LocalMemos memos = LocalMemos.open(memosData)) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("user-123")
                            .addMessage(Message.user("My wife is Xiaoyun, the child is 6 years old."))
                            .asyncMode(false)
                            .build())
                    .join();
        }
        try (LocalMemos memos = LocalMemos.open(memosData)) {
            assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                    .userId("user-123")
                                    .query("Arrange a weekend activity for the family?")
                                    .build())
                            .join()
                            .memories())
                    .anySatisfy(m -> assertThat(m.memoryValue()).contains("Xiaoyun"));
        }
    }

    @Test
    void cloudEntryPointsCompileAsWrittenInTheReadme() throws Exception {
        // The README's cloud lines need keys; this proves they compile against the real API.
        Class<?> client = MemosClient.class.getMethod("fromEnv").getReturnType();
        Class<?> llm = OpenAiLlmProvider.class.getMethod("fromEnv").getReturnType();
        assertThat(client).isEqualTo(MemosClient.class);
        assertThat(llm).isEqualTo(OpenAiLlmProvider.class);
    }
}
