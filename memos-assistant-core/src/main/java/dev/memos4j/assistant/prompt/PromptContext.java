package dev.memos4j.assistant.prompt;

import dev.memos4j.assistant.llm.MemoryRecall;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link PromptBuilder} may use for one turn.
 *
 * @param query the user's text, as typed
 * @param userId the user the memories belong to
 * @param conversationId the current conversation
 * @param memories recalled fact memories, most relevant first; each carries its time and relativity
 * @param preferences recalled preferences, most relevant first
 * @param preferenceNote the memory service's instruction about honouring preferences, when it sent one
 * @param now the current time in the user's time zone, so "this weekend" can be resolved
 */
public record PromptContext(
        String query,
        String userId,
        String conversationId,
        List<MemoryDetail> memories,
        List<PreferenceDetail> preferences,
        Optional<String> preferenceNote,
        ZonedDateTime now) {

    /**
     * Validates: query, ids and time are required; lists are copied.
     *
     * @param query the user's text, as typed
     * @param userId the user the memories belong to
     * @param conversationId the current conversation
     * @param memories recalled fact memories, most relevant first; each carries its time and relativity
     * @param preferences recalled preferences, most relevant first
     * @param preferenceNote the memory service's instruction about honouring preferences, when it sent one
     * @param now the current time in the user's time zone, so "this weekend" can be resolved
     */
    public PromptContext {
        Objects.requireNonNull(query, "query is required");
        Objects.requireNonNull(userId, "userId is required");
        Objects.requireNonNull(conversationId, "conversationId is required");
        memories = List.copyOf(Objects.requireNonNull(memories, "memories"));
        preferences = List.copyOf(Objects.requireNonNull(preferences, "preferences"));
        preferenceNote = preferenceNote == null ? Optional.empty() : preferenceNote.filter(n -> !n.isBlank());
        Objects.requireNonNull(now, "now is required");
    }

    /**
     * A context without memories, e.g. for a first turn or a degraded search.
     *
     * @param query the user's text
     * @param userId the user
     * @param conversationId the conversation
     * @param now the current time
     * @return the context
     */
    public static PromptContext withoutMemories(String query, String userId, String conversationId, ZonedDateTime now) {
        return new PromptContext(query, userId, conversationId, List.of(), List.of(), Optional.empty(), now);
    }

    /**
     * The texts of the fact memories, in order.
     *
     * @return the memory texts
     */
    public List<String> memoryTexts() {
        return memories.stream().map(MemoryDetail::text).toList();
    }

    /**
     * The texts of the preferences, in order.
     *
     * @return the preference statements
     */
    public List<String> preferenceTexts() {
        return preferences.stream().map(PreferenceDetail::preference).toList();
    }

    /**
     * What this context recalled, as the texts a provider may see on an
     * {@link dev.memos4j.assistant.llm.LlmRequest}.
     *
     * @return the query with the memory and preference texts
     */
    public MemoryRecall recall() {
        return new MemoryRecall(query, memoryTexts(), preferenceTexts());
    }

    /**
     * Whether anything was recalled.
     *
     * @return true when there is at least one memory or preference
     */
    public boolean hasMemories() {
        return !memories.isEmpty() || !preferences.isEmpty();
    }
}
