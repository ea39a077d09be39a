package dev.memos4j.assistant.llm;

/**
 * Receives the text of a streamed answer as it arrives. Called from one thread at a time, in order. Keep
 * the methods quick: they may run on the HTTP client's thread.
 */
@FunctionalInterface
public interface StreamListener {

    /** A listener that ignores every delta. */
    StreamListener NO_OP = delta -> {};

    /**
     * The next piece of the answer.
     *
     * @param delta text to append; never empty
     */
    void onDelta(String delta);
}
