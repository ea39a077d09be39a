package dev.memos4j.client.errors;

/** A stream failed after it had started: an error event, or the stream ended before it was complete. Never retried, since output already reached the caller. */
public class MemosStreamException extends MemosException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message the detail message
     */
    public MemosStreamException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public MemosStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
