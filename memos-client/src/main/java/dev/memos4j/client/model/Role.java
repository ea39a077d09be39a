package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The role of a conversation message.
 *
 * <p>An open value class rather than an enum: values the service adds later are kept, not rejected.
 * Compare with {@code equals} against the constants.
 *
 * @param value the wire value
 */
public record Role(@JsonValue String value) {

    /** {@code user}. */
    public static final Role USER = new Role("user");

    /** {@code assistant}. */
    public static final Role ASSISTANT = new Role("assistant");

    /** {@code system}. */
    public static final Role SYSTEM = new Role("system");

    /** {@code tool}. */
    public static final Role TOOL = new Role("tool");

    /**
     * Creates a value; {@code value} must not be null.
     *
     * @param value the wire value
     */
    public Role {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value for a wire string, known or not.
     *
     * @param value the wire string
     * @return the value for a wire string, known or not
     */
    @JsonCreator
    public static Role of(String value) {
        return new Role(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
