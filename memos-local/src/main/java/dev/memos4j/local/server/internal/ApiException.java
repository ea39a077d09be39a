package dev.memos4j.local.server.internal;

/**
 * A request the server answers with an error envelope: the HTTP status, the envelope {@code code} and a
 * message safe to show the caller. No stack trace: it is a reply, not a bug.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Invalid parameter (name, type or format). */
    static final int INVALID_PARAMETER = 40000;
    /** A required parameter is missing or empty. */
    static final int MISSING_PARAMETER = 40002;
    /** API key authentication required. */
    static final int AUTH_REQUIRED = 40100;
    /** API key invalid. */
    static final int AUTH_INVALID = 40132;
    /** Refused by the Host or Origin check (server-local code). */
    static final int FORBIDDEN = 40390;
    /** Unknown path (server-local code: HTTP status x 100). */
    static final int NOT_FOUND = 40400;
    /** Wrong method (server-local code). */
    static final int METHOD_NOT_ALLOWED = 40500;
    /** Request body too large (server-local code). */
    static final int PAYLOAD_TOO_LARGE = 41300;
    /** The body is not of a type the endpoint takes (server-local code). */
    static final int UNSUPPORTED_MEDIA_TYPE = 41500;
    /** Internal error. */
    static final int INTERNAL = 50000;
    /**
     * The backend does not support the operation. Answered with HTTP 400, not 501: clients retry every
     * 5xx, and retrying cannot make an unsupported operation work.
     */
    static final int UNSUPPORTED = 40006;
    /** The server is shutting down or saturated. */
    static final int UNAVAILABLE = 50300;

    private final int status;
    private final int code;

    ApiException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** 400 with 40002 when the message says a field is required, else 40000. */
    static ApiException badRequest(String message) {
        boolean missing = message != null && message.endsWith(" is required");
        return new ApiException(400, missing ? MISSING_PARAMETER : INVALID_PARAMETER, message);
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}
