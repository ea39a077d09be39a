package dev.memos4j.client.errors;

/** The service answered with something that is not a valid response: not JSON (an HTML error page, say), truncated JSON, an empty body, or an envelope of the wrong shape. */
public class MemosInvalidResponseException extends MemosException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public MemosInvalidResponseException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public MemosInvalidResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
