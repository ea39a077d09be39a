package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.ExtractMemoryRequest;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The background "fine" stage with a chat model (scripted, no network). */
class LlmExtractionTest {

    private static final String ANSWER = """
            ```json
            {"memories": [{"key": "Trip to Tokyo", "value": "The user flies to Tokyo on 2 March 2026."}],
             "preferences": [{"preference": "The user prefers window seats.", "reasoning": "asked for one",
                              "type": "implicit_preference"}]}
            ```""";

    @Test
    void distilsFactsAndPreferencesInTheBackground() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder().reply(ANSWER).build();
        try (LocalMemos memos = LocalMemos.builder()
                .inMemory()
                .embedder(Embedder.none())
                .llmProvider(llm)
                .build()) {
            TaskReceipt receipt = memos.addMessage(AddMessageRequest.builder()
                            .userId("u1")
                            .conversationId("c1")
                            .addMessage(Message.user("I'm flying to Tokyo tomorrow, get me a window seat.")
                                    .withChatTime("2026-03-01 09:00:00"))
                            .build())
                    .join();
            assertThat(memos.awaitTask(receipt.taskId().orElseThrow(), Duration.ofSeconds(10), Duration.ofMillis(10))
                            .join()
                            .status())
                    .isEqualTo(TaskStatus.COMPLETED);

            ChatMessage sent = llm.requests().get(0).messages().get(1);
            assertThat(sent.content())
                    .contains("Message time: Sunday 1 March 2026")
                    .contains("user [2026-03-01 09:00:00]: I'm flying to Tokyo tomorrow");

            SearchMemoryResponse found = memos.searchMemory(SearchMemoryRequest.builder()
                            .userId("u1")
                            .query("When does the user fly to Tokyo?")
                            .build())
                    .join();
            assertThat(found.memories())
                    .extracting(MemoryDetail::memoryValue)
                    .contains("The user flies to Tokyo on 2 March 2026.");
            assertThat(found.memories())
                    .filteredOn(m -> m.tags().contains("mode:fine"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.memoryType())
                            .hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("LongTermMemory")));
            assertThat(found.preferences())
                    .extracting(PreferenceDetail::preference)
                    .contains("The user prefers window seats.");
        }
    }

    @Test
    void anAnswerThatIsNotJsonFailsTheTask() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying("Sorry, I cannot help with that.");
        try (LocalMemos memos = LocalMemos.builder()
                .inMemory()
                .embedder(Embedder.none())
                .llmProvider(llm)
                .build()) {
            TaskReceipt receipt = memos.addMessage(AddMessageRequest.builder()
                            .userId("u1")
                            .conversationId("c1")
                            .addMessage(Message.user("hello"))
                            .asyncMode(false)
                            .build())
                    .join();
            assertThat(receipt.status()).contains(TaskStatus.FAILED);
            // the fast stage still stored the turn
            assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                    .userId("u1")
                                    .query("hello")
                                    .build())
                            .join()
                            .memories())
                    .hasSize(1);
        }
    }

    @Test
    void extractEndpointUsesTheModel() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.alwaysReplying(ANSWER);
        try (LocalMemos memos = LocalMemos.builder()
                .inMemory()
                .embedder(Embedder.none())
                .llmProvider(llm)
                .build()) {
            ExtractMemoryResponse extracted = memos.extractMemory(ExtractMemoryRequest.builder()
                            .addMessage(Message.user("I'm flying to Tokyo tomorrow."))
                            .build())
                    .join();
            assertThat(extracted.memoryDetailList())
                    .singleElement()
                    .satisfies(m -> assertThat(m.memoryKey()).contains("Trip to Tokyo"));
            assertThat(extracted.preferenceDetailList())
                    .singleElement()
                    .satisfies(p ->
                            assertThat(p.preferenceType().orElseThrow().value()).isEqualTo("implicit_preference"));
        }
    }
}
