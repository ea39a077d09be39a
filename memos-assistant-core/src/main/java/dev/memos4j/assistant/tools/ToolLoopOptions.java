package dev.memos4j.assistant.tools;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of a chat turn's tool loop.
 *
 * @param maxSteps how many rounds of tool calls a turn may run (1..50, default 5); after the last one the
 *     model is asked once more with tools disabled, and a turn whose model still calls tools then fails
 * @param toolTimeout how long one tool call may take (default 30 s); a slower call is abandoned and the
 *     model told it timed out
 */
public record ToolLoopOptions(int maxSteps, Duration toolTimeout) {

    /** The default number of tool rounds per turn. */
    public static final int DEFAULT_MAX_STEPS = 5;

    /**
     * Validates the bounds, naming the field that is wrong.
     *
     * @param maxSteps how many rounds of tool calls a turn may run, 1..50
     * @param toolTimeout how long one tool call may take, positive
     */
    public ToolLoopOptions {
        if (maxSteps < 1 || maxSteps > 50) {
            throw new IllegalArgumentException("maxSteps must be between 1 and 50, was " + maxSteps);
        }
        Objects.requireNonNull(toolTimeout, "toolTimeout is required");
        if (toolTimeout.isZero() || toolTimeout.isNegative()) {
            throw new IllegalArgumentException("toolTimeout must be positive, was " + toolTimeout);
        }
    }

    /**
     * The defaults: 5 rounds, 30 s per tool call.
     *
     * @return the defaults
     */
    public static ToolLoopOptions defaults() {
        return new ToolLoopOptions(DEFAULT_MAX_STEPS, Duration.ofSeconds(30));
    }
}
