package dev.memos4j.assistant;

import static dev.memos4j.testkit.MemosEndpoint.ADD_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.testkit.FakeMemosClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many users at once: each turn sees only its own user's memories and stores only under its own user. */
class MemoryAugmentedChatConcurrencyTest {

    private static final int USERS = 20;
    private static final int TURNS = 200;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void twoHundredTurnsAcrossTwentyUsersNeverMixMemories() {
        FakeMemosClient memos = new FakeMemosClient();
        for (int u = 0; u < USERS; u++) {
            memos.remember("user-" + u, "my secret code is CODE-" + u, Instant.parse("2026-11-20T10:00:00Z"));
        }
        // The model echoes what its prompt carried, so any leak would show in the answer.
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .executor(pool)
                .otherwise(request ->
                        String.join(" | ", request.recall().orElseThrow().memories()))
                .build();
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm)
                .options(ChatOptions.builder().memoryLimit(25).build())
                .writeBackExecutor(pool)
                .build();

        List<CompletableFuture<ChatReply>> turns = new ArrayList<>();
        for (int i = 0; i < TURNS; i++) {
            String user = "user-" + (i % USERS);
            String query = "what is my secret code? turn " + i;
            turns.add(CompletableFuture.supplyAsync(() -> chat.chat(user, "conv-" + user, query), pool)
                    .thenCompose(f -> f));
        }
        CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        List<ChatReply> replies = turns.stream().map(CompletableFuture::join).toList();
        CompletableFuture.allOf(replies.stream().map(ChatReply::writeBack).toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS)
                .join();

        for (ChatReply reply : replies) {
            String own = "CODE-" + reply.turn().userId().substring("user-".length());
            assertThat(reply.answer()).contains(own);
            assertThat(reply.answer().replace(own, "")).doesNotContainPattern("CODE-\\d");
            assertThat(reply.messages().get(0).content().replace(own, "")).doesNotContainPattern("CODE-\\d");
            assertThat(reply.memories())
                    .allMatch(
                            m -> !m.text().matches(".*CODE-\\d+.*") || m.text().contains(own));
        }
        assertThat(llm.requests()).hasSize(TURNS);
        assertThat(memos.requests(ADD_MESSAGE)).hasSize(TURNS);
        for (AddMessageRequest add : memos.requests(ADD_MESSAGE)) {
            String user = add.userId().orElseThrow();
            assertThat(add.conversationId()).contains("conv-" + user);
            assertThat(add.messages()).hasSize(2);
            String own = "CODE-" + user.substring("user-".length());
            assertThat(add.messages().get(1).text().replace(own, "")).doesNotContainPattern("CODE-\\d");
        }
    }
}
