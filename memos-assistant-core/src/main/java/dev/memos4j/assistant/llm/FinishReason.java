package dev.memos4j.assistant.llm;

import java.util.Locale;
import java.util.Objects;

/**
 * Why the model stopped. An open value: servers may send reasons this version does not know, and they
 * are kept as they came.
 */
public final class FinishReason {

    /** The model finished its answer or hit a stop sequence. */
    public static final FinishReason STOP = new FinishReason("stop");
    /** The answer was cut at the token limit. */
    public static final FinishReason LENGTH = new FinishReason("length");
    /** The model asked for tool calls. */
    public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls");
    /** The answer was withheld by a content filter. */
    public static final FinishReason CONTENT_FILTER = new FinishReason("content_filter");
    /** The deprecated single function call. */
    public static final FinishReason FUNCTION_CALL = new FinishReason("function_call");

    private final String value;

    private FinishReason(String value) {
        this.value = value;
    }

    /**
     * The reason for a wire value, one of the constants when it matches.
     *
     * @param value the wire value, e.g. {@code "stop"}
     * @return the reason
     */
    public static FinishReason of(String value) {
        Objects.requireNonNull(value, "value");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "stop":
                return STOP;
            case "length":
                return LENGTH;
            case "tool_calls":
                return TOOL_CALLS;
            case "content_filter":
                return CONTENT_FILTER;
            case "function_call":
                return FUNCTION_CALL;
            default:
                return new FinishReason(value);
        }
    }

    /**
     * The wire value.
     *
     * @return the value as sent by the server
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinishReason other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
