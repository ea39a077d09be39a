package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The kind of a preference item ({@code preference_type}).
 *
 * <p>An open value class rather than an enum: values the service adds later are kept, not rejected.
 * Compare with {@code equals} against the constants.
 *
 * @param value the wire value
 */
public record PreferenceType(@JsonValue String value) {

    /** {@code explicit_preference}. */
    public static final PreferenceType EXPLICIT = new PreferenceType("explicit_preference");

    /** {@code implicit_preference}. */
    public static final PreferenceType IMPLICIT = new PreferenceType("implicit_preference");

    /**
     * Creates a value; {@code value} must not be null.
     *
     * @param value the wire value
     */
    public PreferenceType {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value for a wire string, known or not.
     *
     * @param value the wire string
     * @return the value for a wire string, known or not
     */
    @JsonCreator
    public static PreferenceType of(String value) {
        return new PreferenceType(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
