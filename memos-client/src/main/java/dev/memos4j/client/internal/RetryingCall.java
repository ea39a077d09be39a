package dev.memos4j.client.internal;

import dev.memos4j.client.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one retry engine of memos4j, used by the MemOS client and the OpenAI-compatible LLM provider alike:
 * runs the attempts of one call under a resilience4j {@link Retry} driven by a {@link RetryPolicy}.
 * Attempts fail with an {@link AttemptFailure} that says whether another attempt may help; waits honour
 * the server's {@code Retry-After} (up to {@link RetryPolicy#maxRetryAfter()}, beyond which the call
 * ends with its error) or else the policy's jittered backoff; waits are scheduled, never slept; and
 * cancelling the returned future aborts the exchange in flight and any attempt still to come. The caller
 * sees the last attempt's {@link AttemptFailure#error()}.
 */
@Internal
public final class RetryingCall {

    /**
     * One attempt.
     *
     * @param <T> the value of a successful attempt
     */
    public interface Attempt<T> {
        /**
         * Starts the attempt.
         *
         * @param attempt the attempt number, 1 for the first
         * @param onSend receives the in-flight exchange so that cancelling the call can abort it
         * @return the attempt's outcome; a failure should be an {@link AttemptFailure}
         */
        CompletableFuture<T> run(int attempt, Consumer<Future<?>> onSend);
    }

    /** Told before each retry wait. */
    public interface RetryObserver {
        /**
         * A retry is scheduled.
         *
         * @param nextAttempt the number of the attempt to come
         * @param failure why the last attempt failed
         * @param wait how long the engine waits before it
         */
        void onRetry(int nextAttempt, AttemptFailure failure, Duration wait);
    }

    private RetryingCall() {}

    /**
     * Runs a call's attempts.
     *
     * @param name names the call in resilience4j
     * @param policy the backoff, the longest {@code Retry-After} honoured
     * @param maxAttempts total attempts, including the first
     * @param creates whether the call creates something: then only failures the server certainly did not
     *     process are retried
     * @param scheduler where retry waits are scheduled
     * @param attempt one attempt
     * @param observer told before each retry
     * @param <T> the call's value
     * @return the call's outcome, failed with the caller's exception
     */
    public static <T> CompletableFuture<T> run(
            String name,
            RetryPolicy policy,
            int maxAttempts,
            boolean creates,
            ScheduledExecutorService scheduler,
            Attempt<T> attempt,
            RetryObserver observer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Future<?>> inFlight = new AtomicReference<>();

        RetryConfig config = RetryConfig.<T>custom()
                .maxAttempts(maxAttempts)
                .retryOnException(thrown -> shouldRetry(thrown, policy, creates) && !result.isDone())
                .intervalBiFunction((retry, outcome) -> outcome.isLeft()
                        ? wait(policy, retry, outcome.getLeft()).toMillis()
                        : policy.backoff(retry, ThreadLocalRandom.current().nextDouble())
                                .toMillis())
                .failAfterMaxAttempts(false)
                .writableStackTraceEnabled(false)
                .build();
        Retry retry = Retry.of(name, config);
        retry.getEventPublisher().onRetry(event -> {
            if (Futures.unwrap(event.getLastThrowable()) instanceof AttemptFailure failure) {
                observer.onRetry(attempts.get() + 1, failure, event.getWaitInterval());
            }
        });

        Supplier<CompletionStage<T>> decorated = Retry.decorateCompletionStage(retry, scheduler, () -> {
            if (result.isDone()) {
                return CompletableFuture.failedFuture(
                        AttemptFailure.fatal(new CancellationException("call was cancelled")));
            }
            try {
                return attempt.run(attempts.incrementAndGet(), exchange -> {
                    inFlight.set(exchange);
                    if (result.isDone()) {
                        exchange.cancel(true); // cancelled while the attempt was being sent
                    }
                });
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(AttemptFailure.fatal(e));
            }
        });
        decorated.get().whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(callerError(error));
            }
        });
        result.whenComplete((value, error) -> {
            Future<?> exchange = inFlight.get();
            if (error != null && exchange != null && !exchange.isDone()) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    /**
     * The exception the caller sees for a failed call.
     *
     * @param error the failure, possibly wrapped
     * @return the caller's exception
     */
    public static Throwable callerError(Throwable error) {
        Throwable t = Futures.unwrap(error);
        return t instanceof AttemptFailure failure ? failure.error() : t;
    }

    private static boolean shouldRetry(Throwable thrown, RetryPolicy policy, boolean creates) {
        if (!(Futures.unwrap(thrown) instanceof AttemptFailure failure) || !failure.retryable()) {
            return false;
        }
        if (creates && !failure.certainlyNotProcessed()) {
            return false;
        }
        return failure.retryAfter()
                .map(wait -> wait.compareTo(policy.maxRetryAfter()) <= 0)
                .orElse(true);
    }

    private static Duration wait(RetryPolicy policy, int retry, Throwable thrown) {
        if (Futures.unwrap(thrown) instanceof AttemptFailure failure
                && failure.retryAfter().isPresent()) {
            return failure.retryAfter().get();
        }
        return policy.backoff(retry, ThreadLocalRandom.current().nextDouble());
    }
}
