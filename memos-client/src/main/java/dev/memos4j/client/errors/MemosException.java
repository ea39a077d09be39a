package dev.memos4j.client.errors;

/**
 * Root of every exception memos4j throws. Unchecked: catch it where you can act on it. Messages never
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
