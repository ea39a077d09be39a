package dev.memos4j.client.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** The one place memos4j modules unwrap a future's failure and wait for a future on a blocking path. */
@Internal
public final class Futures {

    private Futures() {}

    /**
     * The failure a future carries, without the {@link CompletionException} / {@link ExecutionException}
     * layers that {@code join()}, {@code get()} and dependent stages wrap around it.
     *
     * @param error a failure, possibly wrapped
     * @return the innermost failure that is not such a wrapper (the argument itself when it is none)
     */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Waits for a future on a blocking path and rethrows its failure as it was raised: an unchecked
     * exception or error as itself, a checked one inside a {@link CompletionException}.
     *
     * @param future the future
     * @param <T> the value type
     * @return its value
     */
    public static <T> T join(CompletableFuture<T> future) {
        return join(future, CompletionException::new);
    }

    /**
     * Waits for a future on a blocking path and rethrows its failure as it was raised: an unchecked
     * exception or error as itself (a cancellation as {@link CancellationException}), a checked one
     * through {@code wrapChecked}.
     *
     * @param future the future
     * @param wrapChecked turns a checked failure into the caller's unchecked exception
     * @param <T> the value type
     * @return its value
     */
    public static <T> T join(CompletableFuture<T> future, Function<Throwable, ? extends RuntimeException> wrapChecked) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw wrapChecked.apply(cause);
        }
    }
}
