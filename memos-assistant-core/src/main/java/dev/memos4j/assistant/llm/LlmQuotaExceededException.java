package dev.memos4j.assistant.llm;

/**
 * The account ran out of quota (429 with code {@code insufficient_quota}). Not retried: waiting does not help.
 */
public class LlmQuotaExceededException extends LlmServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * The failure.
     *
     * @param serviceMessage the error message
     * @param type the error type, or null
     * @param code the error code, or null
     * @param param the offending field, or null
     * @param requestId the request id, or null
     * @param rawBody the raw body, or null
     */
    public LlmQuotaExceededException(
            String serviceMessage, String type, String code, String param, String requestId, String rawBody) {
        super(429, serviceMessage, type, code, param, requestId, rawBody);
    }
}
