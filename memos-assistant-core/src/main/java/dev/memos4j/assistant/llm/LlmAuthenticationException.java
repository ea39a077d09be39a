package dev.memos4j.assistant.llm;

/**
 * The key was missing, wrong or lacks permission (401, 403).
 */
public class LlmAuthenticationException extends LlmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * The failure.
     *
     * @param statusCode the HTTP status
     * @param serviceMessage the error message
     * @param type the error type, or null
     * @param code the error code, or null
     * @param param the offending field, or null
     * @param requestId the request id, or null
     * @param rawBody the raw body, or null
     */
    public LlmAuthenticationException(
            int statusCode,
            String serviceMessage,
            String type,
            String code,
            String param,
            String requestId,
            String rawBody) {
        super(statusCode, serviceMessage, type, code, param, requestId, rawBody);
    }
}
