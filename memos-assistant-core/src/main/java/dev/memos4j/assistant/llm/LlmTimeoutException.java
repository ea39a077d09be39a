package dev.memos4j.assistant.llm;

/**
 * No answer in time: the response headers did not arrive within the request timeout, or a stream stayed silent longer than its idle timeout.
 */
public class LlmTimeoutException extends LlmException {

    private static final long serialVersionUID = 1L;

    /**
     * The failure.
     *
     * @param message what went wrong
     */
    public LlmTimeoutException(String message) {
        super(message);
    }

    /**
     * The failure with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public LlmTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
