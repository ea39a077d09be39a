package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The state of an asynchronous MemOS task ({@code get/status}).
 *
 * <p>An open value class rather than an enum: values the service adds later are kept, not rejected.
 * Compare with {@code equals} against the constants.
 *
 * @param value the wire value
 */
public record TaskStatus(@JsonValue String value) {

    /** {@code running}. */
    public static final TaskStatus RUNNING = new TaskStatus("running");

    /** {@code completed}. */
    public static final TaskStatus COMPLETED = new TaskStatus("completed");

    /** {@code failed}. */
    public static final TaskStatus FAILED = new TaskStatus("failed");

    /**
     * Creates a value; {@code value} must not be null.
     *
     * @param value the wire value
     */
    public TaskStatus {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value for a wire string, known or not.
     *
     * @param value the wire string
     * @return the value for a wire string, known or not
     */
    @JsonCreator
    public static TaskStatus of(String value) {
        return new TaskStatus(value);
    }

    /**
     * Whether the task has finished, successfully or not.
     *
     * @return whether the task has finished, successfully or not
     */
    public boolean isTerminal() {
        return equals(COMPLETED) || equals(FAILED);
    }

    @Override
    public String toString() {
        return value;
    }
}
