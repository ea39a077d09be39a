package dev.memos4j.client.errors;

/** The API key is missing, invalid or expired, or lacks permission (HTTP 401/403, codes 40100, 40130, 40132). Not retried. */
public class MemosAuthenticationException extends MemosServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * See {@link MemosServiceException#MemosServiceException(int, Integer, String, String, String)}.
     *
     * @param statusCode the HTTP status
     * @param errorCode the envelope {@code code}, or null when there was none
     * @param serviceMessage the envelope {@code message} (or a description)
     * @param requestId the service's request id, or null
     * @param rawBody the raw response body, or null; it is capped
     */
    public MemosAuthenticationException(
            int statusCode, Integer errorCode, String serviceMessage, String requestId, String rawBody) {
        super(statusCode, errorCode, serviceMessage, requestId, rawBody);
    }
}
