package dev.memos4j.testkit;

import dev.memos4j.client.RequestOptions;
import java.util.Objects;

/**
 * One call a {@link FakeMemosClient} received.
 *
 * @param endpoint the method called
 * @param request what it received (the request model, or the id for calls that take one)
 * @param options the per-call options it was given
 */
public record RecordedCall(MemosEndpoint<?, ?> endpoint, Object request, RequestOptions options) {

    /**
     * Checks the parts.
     *
     * @param endpoint the method called
     * @param request what it received
     * @param options the per-call options it was given
     */
    public RecordedCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
    }
}
