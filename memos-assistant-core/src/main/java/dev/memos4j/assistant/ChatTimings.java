package dev.memos4j.assistant;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each stage of a turn took.
 *
 * @param search the memory search (including a timeout that degraded it)
 * @param prompt building the prompt
 * @param llm the LLM call, until the whole answer was there
 * @param total from the call to the reply (with {@link WriteBackPolicy#SYNC}, including the write-back)
 */
public record ChatTimings(Duration search, Duration prompt, Duration llm, Duration total) {

    /**
     * Validates that nothing is null.
     *
     * @param search the memory search (including a timeout that degraded it)
     * @param prompt building the prompt
     * @param llm the LLM call, until the whole answer was there
     * @param total from the call to the reply (with {@link WriteBackPolicy#SYNC}, including the write-back)
     */
    public ChatTimings {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(total, "total");
    }
}
