package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The kind of a memory item ({@code memory_type}).
 *
 * <p>An open value class rather than an enum: values the service adds later are kept, not rejected.
 * Compare with {@code equals} against the constants.
 *
 * @param value the wire value
 */
public record MemoryType(@JsonValue String value) {

    /** {@code WorkingMemory}. */
    public static final MemoryType WORKING_MEMORY = new MemoryType("WorkingMemory");

    /** {@code LongTermMemory}. */
    public static final MemoryType LONG_TERM_MEMORY = new MemoryType("LongTermMemory");

    /** {@code UserMemory}. */
    public static final MemoryType USER_MEMORY = new MemoryType("UserMemory");

    /**
     * Creates a value; {@code value} must not be null.
     *
     * @param value the wire value
     */
    public MemoryType {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value for a wire string, known or not.
     *
     * @param value the wire string
     * @return the value for a wire string, known or not
     */
    @JsonCreator
    public static MemoryType of(String value) {
        return new MemoryType(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
