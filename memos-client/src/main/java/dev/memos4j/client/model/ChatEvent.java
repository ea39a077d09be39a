package dev.memos4j.client.model;

import java.util.Objects;

/**
 * One event of a streaming {@code chat}: {@code text} (answer tokens), {@code reasoning} (thinking
 * tokens), {@code end}, or any type a newer service sends, passed through unchanged.
 *
 * @param type event type
 * @param data the text carried by the event ({@code ""} when none)
 * @param raw the event's {@code data:} payload exactly as received
 */
public record ChatEvent(String type, String data, String raw) {

    /** Answer tokens. */
    public static final String TEXT = "text";
    /** Model thinking tokens. */
    public static final String REASONING = "reasoning";
    /** End of the answer. */
    public static final String END = "end";

    /**
     * Validates the components.
     *
     * @param type event type
     * @param data the text carried by the event ({@code ""} when none)
     * @param raw the event's {@code data:} payload exactly as received
     */
    public ChatEvent {
        Objects.requireNonNull(type, "type");
        data = data == null ? "" : data;
        raw = raw == null ? "" : raw;
    }

    /**
     * Whether this event carries answer text.
     *
     * @return whether this event carries answer text
     */
    public boolean isText() {
        return TEXT.equals(type);
    }

    /**
     * Whether this event ends the answer.
     *
     * @return whether this event ends the answer
     */
    public boolean isEnd() {
        return END.equals(type);
    }
}
