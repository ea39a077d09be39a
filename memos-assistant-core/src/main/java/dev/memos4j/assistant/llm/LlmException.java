package dev.memos4j.assistant.llm;

/**
 * Root of every failure an {@link LlmProvider} reports. Unchecked. Subclasses say what went wrong:
 * {@link LlmServiceException} (the server answered with an error, with one subclass per meaning),
 * {@link LlmIoException}, {@link LlmTimeoutException}, {@link LlmStreamException} and
 * {@link LlmInvalidResponseException}.
 */
public class LlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message.
     *
     * @param message what went wrong
     */
    public LlmException(String message) {
        super(message);
    }

    /**
     * A failure with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
