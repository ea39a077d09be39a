package dev.memos4j.assistant.llm;

/**
 * The connection failed: refused, reset, or broken while reading. Retried before any output reached the caller.
 */
public class LlmIoException extends LlmException {

    private static final long serialVersionUID = 1L;

    /**
     * The failure.
     *
     * @param message what went wrong
     */
    public LlmIoException(String message) {
        super(message);
    }

    /**
     * The failure with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public LlmIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
