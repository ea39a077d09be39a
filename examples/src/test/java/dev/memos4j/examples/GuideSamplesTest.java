package dev.memos4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.NotConnectedLlmProvider;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.RetrievalMode;
import dev.memos4j.local.server.MemosServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/getting-started.md and docs/local-mode.md, kept compiling and running. Each block
 * is the guide's sample with only the data directory, the port and {@code System.out} adapted.
 */
class GuideSamplesTest {

    @TempDir
    Path tmp;

    private final List<String> out = new ArrayList<>();

    @Test
    void gettingStartedClientAndChat() {
        try (MemosClient memos = LocalMemos.open(tmp.resolve("memos-data"))) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("user-123")
                            .conversationId("conversation_001")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .build())
                    .join();
            memos.searchMemory(SearchMemoryRequest.builder()
                            .userId("user-123")
                            .query("What plans do I have for the weekend?")
                            .build())
                    .join()
                    .memories()
                    .forEach(m -> out.add(m.relativity().orElse(0.0) + " " + m.text()));

            MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, new NotConnectedLlmProvider())
                    .build();
            chat.chat("user-123", "conversation_002", "What plans do I have for the weekend?")
                    .thenAccept(reply -> out.add(reply.answer()))
                    .join();
        }
        assertThat(out).anySatisfy(line -> assertThat(line).contains("zoo on Saturday"));
        assertThat(out).noneSatisfy(line -> assertThat(line).startsWith("Optional"));
        assertThat(out.get(out.size() - 1)).startsWith("[LLM not connected]");
    }

    @Test
    void localModeInProcessUse() {
        try (LocalMemos memos = LocalMemos.open(tmp.resolve("memos-data"))) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("dad")
                            .conversationId("kitchen-1")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .addMessage(
                                    Message.user("For future reminders or plans, please first list three key points, "
                                            + "then add one short suggestion."))
                            .build())
                    .join();

            SearchMemoryResponse found = memos.searchMemory(SearchMemoryRequest.builder()
                            .userId("dad")
                            .conversationId("new-chat")
                            .query("What plans do I have for the weekend?")
                            .build())
                    .join();
            found.memories().forEach(m -> out.add(m.relativity().orElse(0.0) + "  " + m.memoryValue()));
            found.preferences().forEach(p -> out.add("preference: " + p.preference()));
        }
        assertThat(out).anySatisfy(line -> assertThat(line).contains("zoo on Saturday"));
        assertThat(out)
                .anySatisfy(line -> assertThat(line).startsWith("preference: ").contains("three key points"));
    }

    @Test
    void localModeBuilderAndServer() {
        LlmProvider openAi = new NotConnectedLlmProvider();
        try (LocalMemos memos = LocalMemos.builder()
                .dataDirectory(tmp.resolve("memos-data"))
                .embedder(Embedder.defaultModel())
                .llmProvider(openAi)
                .clock(Clock.systemUTC())
                .retrievalMode(RetrievalMode.HYBRID)
                .build()) {
            try (MemosServer server = MemosServer.builder(memos)
                    .port(0)
                    .apiKey("local-key")
                    .maxRequestBytes(8 << 20)
                    .maxUploadBytes(64 << 20)
                    .build()
                    .start()) {
                try (MemosClient client = MemosClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey("local-key")
                        .build()) {
                    client.addMessage(AddMessageRequest.builder()
                                    .userId("dad")
                                    .addMessage(Message.user("My wife is Xiaoyun, the child is 6 years old."))
                                    .asyncMode(false)
                                    .build())
                            .join();
                    assertThat(client.searchMemory(SearchMemoryRequest.builder()
                                            .userId("dad")
                                            .query("Arrange a weekend activity for the family?")
                                            .build())
                                    .join()
                                    .memories())
                            .anySatisfy(m -> assertThat(m.memoryValue()).contains("Xiaoyun"));
                }
            }
        }
    }
}
