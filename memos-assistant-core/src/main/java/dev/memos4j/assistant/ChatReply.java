package dev.memos4j.assistant;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The outcome of one turn: the answer and everything that led to it.
 *
 * @param turn who asked what
 * @param answer the assistant's final text
 * @param promptContext the memories and preferences used, as given to the prompt builder
 * @param messages the exact messages sent to the LLM
 * @param llmResult what the LLM returned (finish reason, usage, request id)
 * @param searchResponse the memory search's response; empty when the search failed and the turn degraded
 * @param searchFailure why the search failed, when the turn degraded to no memories
 * @param timings how long each stage took
 * @param writeBack the storing of the exchange: the service's receipt, empty when nothing was stored by
 *     policy; completes exceptionally when the store failed (the reply itself still succeeded)
 */
public record ChatReply(
        ChatTurn turn,
        String answer,
        PromptContext promptContext,
        List<ChatMessage> messages,
        LlmResult llmResult,
        Optional<SearchMemoryResponse> searchResponse,
        Optional<Throwable> searchFailure,
        ChatTimings timings,
        CompletableFuture<Optional<TaskReceipt>> writeBack) {

    /**
     * Validates that nothing is null; copies the message list.
     *
     * @param turn who asked what
     * @param answer the assistant's final text
     * @param promptContext the memories and preferences used, as given to the prompt builder
     * @param messages the exact messages sent to the LLM
     * @param llmResult what the LLM returned (finish reason, usage, request id)
     * @param searchResponse the memory search's response; empty when the search failed and the turn degraded
     * @param searchFailure why the search failed, when the turn degraded to no memories
     * @param timings how long each stage took
     * @param writeBack the storing of the exchange: the service's receipt, empty when nothing was stored by
     */
    public ChatReply {
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(promptContext, "promptContext");
        messages = List.copyOf(messages);
        Objects.requireNonNull(llmResult, "llmResult");
        searchResponse = searchResponse == null ? Optional.empty() : searchResponse;
        searchFailure = searchFailure == null ? Optional.empty() : searchFailure;
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(writeBack, "writeBack");
    }

    /**
     * The fact memories used in the prompt.
     *
     * @return the memories, most relevant first
     */
    public List<MemoryDetail> memories() {
        return promptContext.memories();
    }

    /**
     * The preferences used in the prompt.
     *
     * @return the preferences, most relevant first
     */
    public List<PreferenceDetail> preferences() {
        return promptContext.preferences();
    }

    /**
     * Whether the turn went on without memories because the search failed.
     *
     * @return true when degraded
     */
    public boolean degraded() {
        return searchFailure.isPresent();
    }
}
