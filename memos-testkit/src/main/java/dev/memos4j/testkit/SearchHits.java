package dev.memos4j.testkit;

import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.PreferenceDetail;
import java.util.Optional;

/**
 * Search hits with the relevance a test chooses, to script {@link MemosEndpoint#SEARCH_MEMORY} when the
 * store's scoring (the share of shared words) is not what a test is about, e.g. to check what code does
 * with low scores. A scripted answer is returned as it is: nothing drops hits under the request's
 * {@code relativity} or beyond its limits.
 *
 * <pre>{@code
 * memos.on(MemosEndpoint.SEARCH_MEMORY).thenReturn(SearchMemoryResponse.of(
 *         List.of(SearchHits.memory("Zoo with the kids on Saturday", 0.9),
 *                 SearchHits.memory("Bananas are on the shopping list", 0.2)),
 *         List.of(SearchHits.preference("Prefers mornings", 0.7))));
 * }</pre>
 *
 * <p>A hit's id is derived from its text, so the same text gives the same id; it has no
 * {@code create_time}. The fake's store does not hold it: {@code get/memory/{id}} does not find it.
 */
public final class SearchHits {

    private SearchHits() {}

    /**
     * A fact memory as a search returns it: a long-term, activated memory with its relevance.
     *
     * @param text the memory text ({@code memory_value})
     * @param relativity its relevance to the query, 0..1
     * @return the hit
     */
    public static MemoryDetail memory(String text, double relativity) {
        return new MemoryDetail(
                id("hit-", text),
                null,
                text,
                Optional.of(MemoryType.LONG_TERM_MEMORY),
                null,
                null,
                null,
                Optional.of("activated"),
                null,
                null,
                Optional.of(checked(relativity)),
                null,
                null,
                null);
    }

    /**
     * A preference as a search returns it, with its relevance.
     *
     * @param text the preference statement
     * @param relativity its relevance to the query, 0..1
     * @return the hit
     */
    public static PreferenceDetail preference(String text, double relativity) {
        return new PreferenceDetail(
                id("pref-hit-", text),
                text,
                null,
                null,
                null,
                null,
                null,
                Optional.of("activated"),
                Optional.of(checked(relativity)),
                null,
                null,
                null);
    }

    private static String id(String prefix, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        return prefix + Integer.toUnsignedString(text.hashCode(), 36);
    }

    private static double checked(double relativity) {
        if (!(relativity >= 0 && relativity <= 1)) {
            throw new IllegalArgumentException("relativity must be between 0 and 1 (was " + relativity + ")");
        }
        return relativity;
    }
}
