package dev.memos4j.assistant.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an error status. Carries the status, the fields of the error body
 * ({@code {"error": {"message", "type", "param", "code"}}}) when it had that shape, the request id and
 * the start of the raw body. {@link #of} picks the subclass that says what the status means.
 */
public class LlmServiceException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** How much of a raw body an exception keeps. */
    public static final int MAX_RAW_BODY_CHARS = 2_048;

    /** The HTTP status. */
    private final int statusCode;
    /** The server's error message. */
    private final String serviceMessage;
    /** The error type, or null. */
    private final String type;
    /** The error code, or null. */
    private final String code;
    /** The offending request field, or null. */
    private final String param;
    /** The request id, or null. */
    private final String requestId;
    /** The capped raw body, or null. */
    private final String rawBody;

    /**
     * A service failure.
     *
     * @param statusCode the HTTP status
     * @param serviceMessage the error message from the body, or a description; not null
     * @param type the error {@code type}, or null
     * @param code the error {@code code}, or null
     * @param param the offending request field ({@code param}), or null
     * @param requestId the {@code x-request-id}, or null
     * @param rawBody the raw body, or null; it is capped
     */
    public LlmServiceException(
            int statusCode,
            String serviceMessage,
            String type,
            String code,
            String param,
            String requestId,
            String rawBody) {
        super(describe(statusCode, serviceMessage, code, requestId));
        this.statusCode = statusCode;
        this.serviceMessage = serviceMessage == null ? "" : serviceMessage;
        this.type = type;
        this.code = code;
        this.param = param;
        this.requestId = requestId;
        this.rawBody = rawBody == null || rawBody.length() <= MAX_RAW_BODY_CHARS
                ? rawBody
                : rawBody.substring(0, MAX_RAW_BODY_CHARS) + "...";
    }

    /**
     * The exception that fits a status: 400/409/422 and other 4xx bad request, 401/403 authentication,
     * 404 not found, 429 rate limit (or quota when {@code code} is {@code insufficient_quota}), 5xx server.
     *
     * @param statusCode the HTTP status
     * @param serviceMessage the error message
     * @param type the error type, or null
     * @param code the error code, or null
     * @param param the offending field, or null
     * @param requestId the request id, or null
     * @param rawBody the raw body, or null
     * @param retryAfter how long the server asked to wait, or null
     * @return the exception, not thrown
     */
    public static LlmServiceException of(
            int statusCode,
            String serviceMessage,
            String type,
            String code,
            String param,
            String requestId,
            String rawBody,
            Duration retryAfter) {
        if (statusCode == 429 && ("insufficient_quota".equals(code) || "insufficient_quota".equals(type))) {
            return new LlmQuotaExceededException(serviceMessage, type, code, param, requestId, rawBody);
        }
        if (statusCode == 429) {
            return new LlmRateLimitException(serviceMessage, type, code, param, requestId, rawBody, retryAfter);
        }
        if (statusCode == 401 || statusCode == 403) {
            return new LlmAuthenticationException(statusCode, serviceMessage, type, code, param, requestId, rawBody);
        }
        if (statusCode == 404) {
            return new LlmNotFoundException(serviceMessage, type, code, param, requestId, rawBody);
        }
        if (statusCode >= 500) {
            return new LlmServerException(statusCode, serviceMessage, type, code, param, requestId, rawBody);
        }
        if (statusCode >= 400) {
            return new LlmBadRequestException(statusCode, serviceMessage, type, code, param, requestId, rawBody);
        }
        return new LlmServiceException(statusCode, serviceMessage, type, code, param, requestId, rawBody);
    }

    private static String describe(int statusCode, String message, String code, String requestId) {
        StringBuilder sb = new StringBuilder("HTTP ").append(statusCode);
        if (code != null) {
            sb.append(" (").append(code).append(')');
        }
        sb.append(": ").append(message == null || message.isEmpty() ? "no error message" : message);
        if (requestId != null) {
            sb.append(" [request id ").append(requestId).append(']');
        }
        return sb.toString();
    }

    /**
     * The HTTP status.
     *
     * @return the status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The server's error message, or a description when the body had none.
     *
     * @return the message
     */
    public String serviceMessage() {
        return serviceMessage;
    }

    /**
     * The error {@code type}, e.g. {@code invalid_request_error}.
     *
     * @return the type
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * The error {@code code}, e.g. {@code rate_limit_exceeded}.
     *
     * @return the code
     */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /**
     * The request field the server objected to.
     *
     * @return the field
     */
    public Optional<String> param() {
        return Optional.ofNullable(param);
    }

    /**
     * The server's request id ({@code x-request-id}).
     *
     * @return the request id
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The start of the raw response body, capped at {@link #MAX_RAW_BODY_CHARS}.
     *
     * @return the raw body
     */
    public Optional<String> rawBody() {
        return Optional.ofNullable(rawBody);
    }
}
