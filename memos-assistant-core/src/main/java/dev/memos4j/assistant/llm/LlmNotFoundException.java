package dev.memos4j.assistant.llm;

/**
 * Not found (404): usually a wrong model name or base URL.
 */
public class LlmNotFoundException extends LlmServiceException {

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
    public LlmNotFoundException(
            String serviceMessage, String type, String code, String param, String requestId, String rawBody) {
        super(404, serviceMessage, type, code, param, requestId, rawBody);
    }
}
