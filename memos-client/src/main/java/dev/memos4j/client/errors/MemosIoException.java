package dev.memos4j.client.errors;

/** The exchange with the service failed below HTTP: connection refused or reset, or the body ended early. Retried. */
public class MemosIoException extends MemosException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message the detail message
     */
    public MemosIoException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public MemosIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
