package dev.memos4j.client.errors;

import java.util.OptionalInt;

/** The service answered with something that is not a valid response: not JSON (an HTML error page, say), truncated JSON, an empty body, or an envelope of the wrong shape. */
public class MemosInvalidResponseException extends MemosException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status, or null when unknown. */
    private final Integer statusCode;
    /** The start of the raw body, or null. */
    private final String rawBody;

    /**
     * An exception with a message.
     *
     * @param message the detail message
     */
    public MemosInvalidResponseException(String message) {
        super(message);
        this.statusCode = null;
        this.rawBody = "";
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public MemosInvalidResponseException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = null;
        this.rawBody = "";
    }

    /**
     * An invalid response with what arrived.
     *
     * @param message what is wrong
     * @param statusCode the HTTP status of the response
     * @param rawBody the raw body, or null; it is capped like {@link MemosServiceException#rawBody()}
     * @param cause the parsing failure, or null
     */
    public MemosInvalidResponseException(String message, int statusCode, String rawBody, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.rawBody = MemosServiceException.cap(rawBody);
    }

    /**
     * The HTTP status of the invalid response, when known.
     *
     * @return the HTTP status of the invalid response, when known
     */
    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /**
     * The start of the raw body (at most {@link MemosServiceException#MAX_RAW_BODY_CHARS} characters).
     *
     * @return the start of the raw body (at most {@link MemosServiceException#MAX_RAW_BODY_CHARS} characters)
     */
    public String rawBody() {
        return rawBody;
    }
}
