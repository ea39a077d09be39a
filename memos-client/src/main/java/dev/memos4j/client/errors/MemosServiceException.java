package dev.memos4j.client.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * The service answered, and the answer is a failure: an HTTP status other than 2xx, or an envelope whose
 * {@code code} is not 0 or 200. Carries the HTTP status, the envelope code, the service's message, the
 * request id and the start of the raw body. Subclasses say what the failure means; {@link #of} picks the
 * right one.
 */
public class MemosServiceException extends MemosException {

    private static final long serialVersionUID = 1L;

    /** How much of a raw body an exception keeps. */
    public static final int MAX_RAW_BODY_CHARS = 2_048;

    /** The HTTP status. */
    private final int statusCode;
    /** The envelope {@code code}, or null. */
    private final Integer errorCode;
    /** The service's message, never null. */
    private final String serviceMessage;
    /** The service's request id, or null. */
    private final String requestId;
    /** The start of the raw body, or null. */
    private final String rawBody;

    /**
     * A service failure.
     *
     * @param statusCode the HTTP status
     * @param errorCode the envelope {@code code}, or null when there was none
     * @param serviceMessage the envelope {@code message} (or a description), never null
     * @param requestId the service's request id, or null
     * @param rawBody the raw response body, or null; it is capped
     */
    public MemosServiceException(
            int statusCode, Integer errorCode, String serviceMessage, String requestId, String rawBody) {
        super(describe(statusCode, errorCode, serviceMessage, requestId));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage == null ? "" : serviceMessage;
        this.requestId = requestId;
        this.rawBody = cap(rawBody);
    }

    /**
     * The exception that fits a failure: authentication, rate limit, quota, not found, bad request,
     * server, or this class for anything else.
     *
     * @param statusCode the HTTP status (200 for an error envelope in a 200 response)
     * @param errorCode the envelope code, or null
     * @param serviceMessage the envelope message
     * @param requestId the request id, or null
     * @param rawBody the raw body, or null
     * @param retryAfter the server's {@code Retry-After}, or null
     * @return the exception, not thrown
     */
    public static MemosServiceException of(
            int statusCode,
            Integer errorCode,
            String serviceMessage,
            String requestId,
            String rawBody,
            Duration retryAfter) {
        int code = errorCode == null ? -1 : errorCode;
        if (statusCode == 401 || statusCode == 403 || code == 40100 || code == 40130 || code == 40132) {
            return new MemosAuthenticationException(statusCode, errorCode, serviceMessage, requestId, rawBody);
        }
        if (statusCode == 429 || code == 40300) {
            return new MemosRateLimitException(statusCode, errorCode, serviceMessage, requestId, rawBody, retryAfter);
        }
        if (code >= 40301 && code <= 40305) {
            return new MemosQuotaExceededException(statusCode, errorCode, serviceMessage, requestId, rawBody);
        }
        if (statusCode == 404 || code == 40001 || code == 40307 || code == 40308 || code == 50120 || code == 50131) {
            return new MemosNotFoundException(statusCode, errorCode, serviceMessage, requestId, rawBody);
        }
        if (statusCode >= 500 || (code >= 50000 && code < 60000)) {
            return new MemosServerException(statusCode, errorCode, serviceMessage, requestId, rawBody);
        }
        if ((statusCode >= 400 && statusCode < 500) || (code >= 40000 && code < 50000)) {
            return new MemosBadRequestException(statusCode, errorCode, serviceMessage, requestId, rawBody);
        }
        return new MemosServiceException(statusCode, errorCode, serviceMessage, requestId, rawBody);
    }

    /**
     * The HTTP status of the response.
     *
     * @return the HTTP status of the response
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The envelope {@code code}, when the body was an envelope.
     *
     * @return the envelope {@code code}, when the body was an envelope
     */
    public Optional<Integer> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The service's message (the envelope {@code message}), or a description of the failure.
     *
     * @return the service's message (the envelope {@code message}), or a description of the failure
     */
    public String serviceMessage() {
        return serviceMessage;
    }

    /**
     * The service's request id, when it sent one.
     *
     * @return the service's request id, when it sent one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The start of the raw response body (at most {@link #MAX_RAW_BODY_CHARS} characters).
     *
     * @return the start of the raw response body (at most {@link #MAX_RAW_BODY_CHARS} characters)
     */
    public String rawBody() {
        return rawBody;
    }

    static String cap(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_RAW_BODY_CHARS ? body : body.substring(0, MAX_RAW_BODY_CHARS) + "...";
    }

    private static String describe(int statusCode, Integer errorCode, String message, String requestId) {
        StringBuilder sb = new StringBuilder("HTTP ").append(statusCode);
        if (errorCode != null) {
            sb.append(", code ").append(errorCode);
        }
        if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message);
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        return sb.toString();
    }
}
