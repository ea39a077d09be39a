package dev.memos4j.assistant.llm;

import java.util.Optional;

/**
 * A stream that started (HTTP 200) and then failed: the server sent an {@code error} object, or the
 * stream ended before {@code [DONE]} and before a finish reason. The partial text is never reported as
 * an answer.
 */
public class LlmStreamException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** The error type, or null. */
    private final String type;
    /** The error code, or null. */
    private final String code;

    /**
     * A stream failure without an error object, e.g. a truncated stream.
     *
     * @param message what went wrong
     */
    public LlmStreamException(String message) {
        this(message, null, null);
    }

    /**
     * A stream failure reported by the server.
     *
     * @param message what went wrong
     * @param type the error type, or null
     * @param code the error code, or null
     */
    public LlmStreamException(String message, String type, String code) {
        super(message);
        this.type = type;
        this.code = code;
    }

    /**
     * The error {@code type} the server sent, if any.
     *
     * @return the type
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * The error {@code code} the server sent, if any.
     *
     * @return the code
     */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }
}
