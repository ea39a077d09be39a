package dev.memos4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What one endpoint of a {@link FakeMemosClient} answers: a sequence of steps, taken one per call, the last
 * one repeating; with no step the fake's default answers (its in-memory store, or "unsupported"), or
 * what {@link #otherwise} sets.
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
    private Function<? super Q, ? extends R> otherwise;

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
     * Adds a step answering as the fake does without a script (its in-memory store, or "unsupported", or
     * what {@link #otherwise} sets).
     *
     * @return this script
     */
    public Script<Q, R> thenUseDefault() {
        return add((request, byDefault) -> CompletableFuture.completedFuture(byDefault.apply(request)));
    }

    /**
     * Replaces the fake's own default answer of this endpoint (its in-memory store, or "unsupported"):
     * {@code answer} answers when the script has no step and at every {@link #thenUseDefault()} step.
     * Steps added before or after still come first, so a test can set a realistic answer once and
     * script a failure for one call later.
     *
     * <pre>{@code
     * fake.on(MemosEndpoint.CHAT).otherwise(request -> new ChatResponse("Zoo on Saturday", null));
     * // later, in one test:
     * fake.on(MemosEndpoint.CHAT).thenFail(Failures.status(503)).thenUseDefault();
     * }</pre>
     *
     * @param answer computes the answer; an exception it throws is the call's failure
     * @return this script
     */
    public synchronized Script<Q, R> otherwise(Function<? super Q, ? extends R> answer) {
        this.otherwise = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /**
     * Delays every answer of this endpoint, scripted or not, without blocking a thread. For
     * {@link MemosEndpoint#CHAT_STREAM} the delay comes before each event, so a stream runs at a pace
     * and can be cancelled halfway.
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

    /** The default answer: the one set by {@link #otherwise}, else the fake's own. */
    synchronized Function<Q, R> byDefault(Function<Q, R> fakes) {
        Function<? super Q, ? extends R> own = otherwise;
        return own == null ? fakes : own::apply;
    }

    /** The step for the next call, or null to answer by default. */
    synchronized Step<Q, R> nextStep() {
        if (steps.isEmpty()) {
            return null;
        }
        Step<Q, R> step = steps.get(Math.min(next, steps.size() - 1));
        // Stop counting past the end, so that steps added later are taken next, none skipped.
        next = Math.min(next + 1, steps.size());
        return step;
    }
}
