package dev.memos4j.assistant.llm;

/**
 * The server answered 2xx with a body that is not a completion: not JSON, or without choices.
 */
public class LlmInvalidResponseException extends LlmException {

    private static final long serialVersionUID = 1L;

    /**
     * The failure.
     *
     * @param message what went wrong
     */
    public LlmInvalidResponseException(String message) {
        super(message);
    }

    /**
     * The failure with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public LlmInvalidResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
