package dev.memos4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What one endpoint of a {@link FakeMemosClient} answers: a sequence of steps, taken one per call, the last
 * one repeating; with no step the fake's default answers (its in-memory store, or "unsupported").
 *
 * <pre>{@code
 * fake.on(MemosEndpoint.SEARCH_MEMORY)
 *     .thenFail(Failures.status(503))   // first call
 *     .thenUseDefault();                // every later call: the in-memory store
 * }</pre>
 *
 * @param <Q> what the endpoint receives
 * @param <R> what it answers
 */
public final class Script<Q, R> {

    /** One scripted answer: the future of the response, or throws the failure to deliver. */
    interface Step<Q, R> {
        CompletableFuture<R> answer(Q request, Function<Q, R> byDefault);
    }

    private final List<Step<Q, R>> steps = new ArrayList<>();
    private int next;
    private Duration delay = Duration.ZERO;

    Script() {}

    /**
     * Adds a step answering {@code response}.
     *
     * @param response the answer
     * @return this script
     */
    public Script<Q, R> thenReturn(R response) {
        Objects.requireNonNull(response, "response");
        return add((request, byDefault) -> CompletableFuture.completedFuture(response));
    }

    /**
     * Adds a step computing the answer from the request; an exception it throws is the call's failure.
     *
     * @param answer computes the answer
     * @return this script
     */
    public Script<Q, R> thenAnswer(Function<? super Q, ? extends R> answer) {
        Objects.requireNonNull(answer, "answer");
        return add((request, byDefault) -> CompletableFuture.completedFuture(answer.apply(request)));
    }

    /**
     * Adds a step whose call returns the future {@code answer} gives, that very future (unless a
     * {@link #delay} is set): the call stays pending until the test completes it, and a caller that gives up
     * and cancels it can be seen with {@code isCancelled()}.
     *
     * <pre>{@code
     * CompletableFuture<SearchMemoryResponse> hanging = new CompletableFuture<>();
     * fake.on(MemosEndpoint.SEARCH_MEMORY).thenAnswerAsync(request -> hanging);
     * // ... the code under test times out ...
     * assertThat(hanging).isCancelled();
     * }</pre>
     *
     * @param answer gives the future of the answer; an exception it throws is the call's failure
     * @return this script
     */
    public Script<Q, R> thenAnswerAsync(Function<? super Q, CompletableFuture<R>> answer) {
        Objects.requireNonNull(answer, "answer");
        return add((request, byDefault) ->
                Objects.requireNonNull(answer.apply(request), "thenAnswerAsync: the function gave no future"));
    }

    /**
     * Adds a step failing the call's future with {@code failure} (see {@link Failures}).
     *
     * @param failure the exception, usually from {@link Failures}
     * @return this script
     */
    public Script<Q, R> thenFail(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        return add((request, byDefault) -> {
            throw failure;
        });
    }

    /**
     * Adds a step answering as the fake does without a script (its in-memory store, or "unsupported").
     *
     * @return this script
     */
    public Script<Q, R> thenUseDefault() {
        return add((request, byDefault) -> CompletableFuture.completedFuture(byDefault.apply(request)));
    }

    /**
     * Delays every answer of this endpoint, scripted or not, without blocking a thread.
     *
     * @param delay the delay; zero answers at once
     * @return this script
     */
    public synchronized Script<Q, R> delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative (was " + delay + ")");
        }
        this.delay = delay;
        return this;
    }

    private synchronized Script<Q, R> add(Step<Q, R> step) {
        steps.add(step);
        return this;
    }

    synchronized Duration delay() {
        return delay;
    }

    /** The step for the next call, or null to answer by default. */
    synchronized Step<Q, R> nextStep() {
        if (steps.isEmpty()) {
            return null;
        }
        Step<Q, R> step = steps.get(Math.min(next, steps.size() - 1));
        next++;
        return step;
    }
}
