package dev.memos4j.client.errors;

/** What the request names does not exist (HTTP 404, codes 40001, 40307, 40308, 50120, 50131). */
public class MemosNotFoundException extends MemosServiceException {

    private static final long serialVersionUID = 1L;

    /** See {@link MemosServiceException#MemosServiceException(int, Integer, String, String, String)}. */
    public MemosNotFoundException(int statusCode, Integer errorCode, String serviceMessage, String requestId, String rawBody) {
        super(statusCode, errorCode, serviceMessage, requestId, rawBody);
    }
}
