package dev.memos4j.assistant;

/**
 * When the finished exchange (the raw user text and the final answer, nothing else) is stored with
 * {@code add/message}. A turn that fails or is cancelled stores nothing under every policy.
 */
public enum WriteBackPolicy {
    /** Store in the background: the reply does not wait; {@link ChatReply#writeBack()} reports the outcome. */
    ASYNC,
    /** Store before the reply completes; a failed store still does not fail the reply. */
    SYNC,
    /** Never store; the application stores what it wants itself. */
    NONE
}
