package dev.memos4j.client.errors;

/**
 * Root of every exception memos4j throws for a failure (invalid arguments are
 * {@code IllegalArgumentException}s, thrown before anything is sent). Unchecked: catch it where you can
 * act on it. The memory service's failures are the subclasses in this package; a model's failures
 * ({@code dev.memos4j.assistant.llm.LlmException}, in memos-assistant-core) extend it too. Messages never
 * contain an API key.
 */
public class MemosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message the detail message
     */
    public MemosException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public MemosException(String message, Throwable cause) {
        super(message, cause);
    }
}
