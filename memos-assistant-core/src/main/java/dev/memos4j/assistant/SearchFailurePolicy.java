package dev.memos4j.assistant;

/** What a turn does when the memory search fails or times out. */
public enum SearchFailurePolicy {
    /** Answer without memories and tell the listener why ({@link ChatListener#onSearchDegraded}). */
    DEGRADE,
    /** Fail the turn with the search's error. */
    STRICT
}
