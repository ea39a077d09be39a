package dev.memos4j.local;

/** Which message turns of an {@code add/message} {@link LocalMemos} turns into memories. */
public enum IngestMode {
    /**
     * The default: a user turn that only asks the assistant something ("What plans do I have for the
     * weekend?") is kept as a message but not as a memory, a turn that is all explicit preference is kept
     * as a preference only, and a turn that repeats one of the user's memories (the same text, or nearly
     * the same embedding with the same numbers) refreshes that memory ({@code update_time}, {@code
     * sources}) instead of adding another.
     */
    DISTINCT_FACTS,
    /**
     * One memory per turn, verbatim, nothing merged: for transcripts indexed turn by turn, such as
     * retrieval benchmarks.
     */
    EVERY_TURN
}
