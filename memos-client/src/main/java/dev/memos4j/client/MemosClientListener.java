package dev.memos4j.client;

/**
 * Hears what the HTTP client does: every request sent, every response received, every failed attempt and
 * every retry. Useful for metrics and tracing. Called on the client's I/O threads: return quickly and
 * never block. Exceptions thrown by a listener are logged and ignored.
 *
 * <pre>{@code
 * MemosClient memos = MemosClient.builder().apiKey(key)
 *         .listener(new MemosClientListener() {
 *             public void onResponse(MemosCallEvent e) {
 *                 metrics.record(e.path(), e.status().orElse(0), e.latency());
 *             }
 *         })
 *         .build();
 * }</pre>
 */
public interface MemosClientListener {

    /**
     * A listener that ignores everything.
     *
     * @return a listener that ignores everything
     */
    static MemosClientListener none() {
        return new MemosClientListener() {};
    }

    /**
     * An attempt is about to be sent.
     *
     * @param event what happened, without secrets
     */
    default void onRequest(MemosCallEvent event) {}

    /**
     * A response arrived (any status); the body may still be invalid.
     *
     * @param event what happened, without secrets
     */
    default void onResponse(MemosCallEvent event) {}

    /**
     * An attempt failed; a retry may follow.
     *
     * @param event what happened, without secrets
     */
    default void onError(MemosCallEvent event) {}

    /**
     * Another attempt will be made after {@link MemosCallEvent#retryDelay()}.
     *
     * @param event what happened, without secrets
     */
    default void onRetry(MemosCallEvent event) {}
}
