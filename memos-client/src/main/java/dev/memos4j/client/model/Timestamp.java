package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A timestamp as the MemOS API sends it: usually epoch milliseconds as a JSON number, sometimes a string
 * (a digit-only string is read as epoch milliseconds, ISO-8601 and {@code "yyyy-MM-dd HH:mm:ss"} strings
 * are parsed, anything else is kept verbatim). The original JSON form is preserved when written back.
 *
 * <p>Strings without a zone are read as UTC.
 */
public final class Timestamp {

    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private final String raw;
    private final boolean numeric;

    private Timestamp(String raw, boolean numeric) {
        this.raw = raw;
        this.numeric = numeric;
    }

    /**
     * A timestamp written as a JSON number of epoch milliseconds.
     *
     * @param epochMillis a timestamp written as a JSON number of epoch milliseconds
     * @return a timestamp written as a JSON number of epoch milliseconds
     */
    public static Timestamp ofEpochMillis(long epochMillis) {
        return new Timestamp(Long.toString(epochMillis), true);
    }

    /**
     * A timestamp for the given instant, written as epoch milliseconds.
     *
     * @param instant a timestamp for the given instant, written as epoch milliseconds
     * @return a timestamp for the given instant, written as epoch milliseconds
     */
    public static Timestamp of(Instant instant) {
        return ofEpochMillis(instant.toEpochMilli());
    }

    /**
     * A timestamp kept as the given string (epoch digits, ISO-8601, or free text).
     *
     * @param text the timestamp as text
     * @return a timestamp kept as the given string (epoch digits, ISO-8601, or free text)
     */
    public static Timestamp ofText(String text) {
        return new Timestamp(Objects.requireNonNull(text, "text"), false);
    }

    @JsonCreator
    static Timestamp fromJson(Object value) {
        if (value instanceof Number number) {
            return ofEpochMillis(number.longValue());
        }
        return ofText(String.valueOf(value));
    }

    @JsonValue
    Object toJson() {
        return numeric ? Long.valueOf(raw) : raw;
    }

    /**
     * The value as received: digits for epoch milliseconds, otherwise the original text.
     *
     * @return the value as received: digits for epoch milliseconds, otherwise the original text
     */
    public String raw() {
        return raw;
    }

    /**
     * The instant this timestamp denotes, if it can be understood.
     *
     * @return the instant this timestamp denotes, if it can be understood
     */
    public Optional<Instant> toInstant() {
        if (numeric || (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit) && raw.length() <= 18)) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(raw)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return Optional.of(Instant.parse(raw));
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return Optional.of(LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return Optional.of(LocalDateTime.parse(raw, SPACE_SEPARATED).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    /**
     * Epoch milliseconds, if the value can be understood as an instant.
     *
     * @return epoch milliseconds, if the value can be understood as an instant
     */
    public Optional<Long> epochMillis() {
        return toInstant().map(Instant::toEpochMilli);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timestamp other && other.raw.equals(raw) && other.numeric == numeric;
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
