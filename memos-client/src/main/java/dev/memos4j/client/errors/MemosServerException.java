package dev.memos4j.client.errors;

/** The service failed (HTTP 5xx, codes 500xx). Retried when the failure is transient (5xx, 50000, 50004, 50005). */
public class MemosServerException extends MemosServiceException {

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
    public MemosServerException(
            int statusCode, Integer errorCode, String serviceMessage, String requestId, String rawBody) {
        super(statusCode, errorCode, serviceMessage, requestId, rawBody);
    }
}
