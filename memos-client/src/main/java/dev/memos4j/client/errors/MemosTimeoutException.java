package dev.memos4j.client.errors;

/** No answer within the timeout (for streams: no event within the idle timeout). Retried unless it was a stream that had started. */
public class MemosTimeoutException extends MemosIoException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message the detail message
     */
    public MemosTimeoutException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public MemosTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
