package dev.memos4j.client.errors;

/** The endpoint has no meaning in this implementation (for example a cloud-only endpoint in local mode). */
public class MemosUnsupportedOperationException extends MemosException {

    private static final long serialVersionUID = 1L;

    /** The endpoint path. */
    private final String endpoint;

    /**
     * An unsupported endpoint.
     *
     * @param endpoint the endpoint path, e.g. {@code create/knowledgebase}
     * @param reason why it is not supported here
     */
    public MemosUnsupportedOperationException(String endpoint, String reason) {
        super(endpoint + " is not supported: " + reason);
        this.endpoint = endpoint;
    }

    /**
     * The endpoint path, e.g. {@code create/knowledgebase}.
     *
     * @return the endpoint path, e.g. {@code create/knowledgebase}
     */
    public String endpoint() {
        return endpoint;
    }
}
