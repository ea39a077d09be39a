package dev.memos4j.assistant.llm;

import java.util.List;
import java.util.Objects;

/**
 * What memory recalled for a request, as plain text: the user's query and the memories and preferences
 * its prompt was built from. {@code MemoryAugmentedChat} attaches it to the requests of a turn so that a
 * provider can see the recall without parsing the prompt (the offline {@link NotConnectedLlmProvider}
 * echoes it); a model provider ignores it. It carries no prompt layout, only the texts.
 *
 * @param query the user's query
 * @param memories the texts of the recalled memories, most relevant first
 * @param preferences the texts of the recalled preferences
 */
public record MemoryRecall(String query, List<String> memories, List<String> preferences) {

    /**
     * Validates and copies.
     *
     * @param query the user's query
     * @param memories the texts of the recalled memories
     * @param preferences the texts of the recalled preferences
     */
    public MemoryRecall {
        Objects.requireNonNull(query, "query is required");
        memories = memories == null ? List.of() : List.copyOf(memories);
        preferences = preferences == null ? List.of() : List.copyOf(preferences);
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
