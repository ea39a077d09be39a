package dev.memos4j.assistant.llm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A provider that plays a script, for tests: each call takes the next step (a reply, a failure, a stream
 * that breaks or stalls, each optionally delayed), and when the script runs out a fallback function
 * answers. Every request is recorded, so a test can assert exactly what the model was sent.
 *
 * <pre>{@code
 * ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
 *     .reply("Noted: zoo on Saturday.")
 *     .fail(new LlmServerException(503, "overloaded", null, null, null, null, null))
 *     .otherwise(request -> "echo: " + request.lastUserText().orElse(""))
 *     .build();
 * // ... run the code under test ...
 * assertThat(llm.requests()).hasSize(2);
 * }</pre>
 *
 * <p>Tool calls can be scripted too, so an agent can be tested offline: the model asks for a tool, the
 * code under test runs it, and the next step reads the tool's result from the request:
 *
 * <pre>{@code
 * ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
 *     .toolCall("search_memories", "{\"query\": \"weekend plans\"}")
 *     .respond(request -> LlmResult.of("You said: " + request.messages().get(request.messages().size() - 1).content()))
 *     .build();
 * }</pre>
 *
 * <p>Streamed replies are split into word-sized deltas. Thread-safe.
 */
public final class ScriptedLlmProvider implements LlmProvider {

    private final Deque<Step> script;
    private final Function<LlmRequest, String> otherwise;
    private final Executor executor;
    private final List<LlmRequest> requests = new CopyOnWriteArrayList<>();

    private ScriptedLlmProvider(Builder b) {
        this.script = new ArrayDeque<>(b.steps);
        this.otherwise = b.otherwise;
        this.executor = b.executor;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A provider that always answers with the same text.
     *
     * @param text the answer
     * @return the provider
     */
    public static ScriptedLlmProvider alwaysReplying(String text) {
        Objects.requireNonNull(text, "text");
        return builder().otherwise(request -> text).build();
    }

    /**
     * Every request received so far, in arrival order.
     *
     * @return a snapshot of the requests
     */
    public List<LlmRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The latest request.
     *
     * @return the request, empty before the first call
     */
    public Optional<LlmRequest> lastRequest() {
        List<LlmRequest> all = requests();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * How many steps of the script are left.
     *
     * @return the number of unplayed steps
     */
    public int remainingSteps() {
        synchronized (script) {
            return script.size();
        }
    }

    @Override
    public CompletableFuture<LlmResult> complete(LlmRequest request) {
        Objects.requireNonNull(request, "request");
        requests.add(request);
        Step step = next(request);
        CompletableFuture<LlmResult> result = new CompletableFuture<>();
        executorFor(step).execute(() -> {
            if (step.stall) {
                return; // never completes, like a model that hangs
            }
            if (step.error != null) {
                result.completeExceptionally(step.error);
                return;
            }
            try {
                result.complete(step.result(request));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public LlmStream stream(LlmRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        requests.add(request);
        Step step = next(request);
        CompletableFuture<LlmResult> completion = new CompletableFuture<>();
        executorFor(step).execute(() -> {
            try {
                LlmResult answer = step.error == null ? step.result(request) : null;
                StringBuilder sent = new StringBuilder();
                for (String delta : step.deltas(answer)) {
                    if (completion.isDone()) {
                        return;
                    }
                    listener.onDelta(delta);
                    sent.append(delta);
                }
                if (step.stall) {
                    return; // waits for cancel
                }
                if (step.error != null) {
                    completion.completeExceptionally(step.error);
                } else {
                    completion.complete(answer);
                }
            } catch (RuntimeException e) {
                completion.completeExceptionally(e);
            }
        });
        return LlmStream.of(completion, () -> {});
    }

    @Override
    public String name() {
        return "scripted";
    }

    private Step next(LlmRequest request) {
        Step step;
        synchronized (script) {
            step = script.poll();
        }
        if (step != null) {
            return step;
        }
        if (otherwise == null) {
            return Step.failure(new LlmException("the script has no step left for request " + requests.size()), null);
        }
        return Step.reply(otherwise.apply(request), null);
    }

    private Executor executorFor(Step step) {
        return step.delay == null
                ? executor
                : CompletableFuture.delayedExecutor(step.delay.toNanos(), TimeUnit.NANOSECONDS, executor);
    }

    /** One scripted call. */
    private static final class Step {
        final String text;
        final List<String> streamedDeltas;
        final RuntimeException error;
        final boolean stall;
        final Duration delay;
        final Function<LlmRequest, LlmResult> responder;

        private Step(String text, List<String> streamedDeltas, RuntimeException error, boolean stall, Duration delay) {
            this(text, streamedDeltas, error, stall, delay, null);
        }

        private Step(
                String text,
                List<String> streamedDeltas,
                RuntimeException error,
                boolean stall,
                Duration delay,
                Function<LlmRequest, LlmResult> responder) {
            this.text = text;
            this.streamedDeltas = streamedDeltas;
            this.error = error;
            this.stall = stall;
            this.delay = delay;
            this.responder = responder;
        }

        static Step responding(Function<LlmRequest, LlmResult> responder) {
            return new Step(null, null, null, false, null, responder);
        }

        LlmResult result(LlmRequest request) {
            if (responder == null) {
                return LlmResult.of(text);
            }
            return Objects.requireNonNull(responder.apply(request), "the scripted responder returned null");
        }

        static Step reply(String text, Duration delay) {
            return new Step(text, null, null, false, delay);
        }

        static Step failure(RuntimeException error, Duration delay) {
            return new Step(null, List.of(), error, false, delay);
        }

        List<String> deltas(LlmResult answer) {
            if (streamedDeltas != null) {
                return streamedDeltas;
            }
            List<String> pieces = new ArrayList<>();
            for (String piece : answer.text().split("(?<= )")) {
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
            }
            return pieces;
        }
    }

    /** Builds a {@link ScriptedLlmProvider}; steps play in the order they are added. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private Function<LlmRequest, String> otherwise;
        private Executor executor = ForkJoinPool.commonPool();
        private int scriptedCalls;

        private Builder() {}

        /**
         * The next call answers with this text (streamed as word-sized deltas).
         *
         * @param text the answer
         * @return this builder
         */
        public Builder reply(String text) {
            steps.add(Step.reply(Objects.requireNonNull(text, "text"), null));
            return this;
        }

        /**
         * The next call answers with this text after a delay.
         *
         * @param delay how long to wait first
         * @param text the answer
         * @return this builder
         */
        public Builder replyAfter(Duration delay, String text) {
            steps.add(Step.reply(Objects.requireNonNull(text, "text"), Objects.requireNonNull(delay, "delay")));
            return this;
        }

        /**
         * The next call asks for these tool calls (with the {@code tool_calls} finish reason and no text).
         *
         * @param calls the calls, at least one; several make a parallel call
         * @return this builder
         */
        public Builder toolCalls(List<ToolCall> calls) {
            LlmResult result = LlmResult.ofToolCalls("", calls);
            steps.add(Step.responding(request -> result));
            return this;
        }

        /**
         * The next call asks for one tool call, with the id {@code call_N} (N counts the scripted calls).
         *
         * @param name the tool's name
         * @param argumentsJson the arguments as JSON text, as a model would write them
         * @return this builder
         */
        public Builder toolCall(String name, String argumentsJson) {
            return toolCalls(List.of(new ToolCall("call_" + (++scriptedCalls), name, argumentsJson)));
        }

        /**
         * The next call answers with what {@code responder} computes from the request, e.g. a reply that
         * quotes the tool result the request carries, or more tool calls.
         *
         * @param responder computes the whole result
         * @return this builder
         */
        public Builder respond(Function<LlmRequest, LlmResult> responder) {
            steps.add(Step.responding(Objects.requireNonNull(responder, "responder")));
            return this;
        }

        /**
         * The next call fails with this exception.
         *
         * @param error the failure, typically an {@link LlmException}
         * @return this builder
         */
        public Builder fail(RuntimeException error) {
            steps.add(Step.failure(Objects.requireNonNull(error, "error"), null));
            return this;
        }

        /**
         * The next call streams these deltas and then fails (a non-streamed call just fails).
         *
         * @param deltas what arrives before the failure
         * @param error the failure
         * @return this builder
         */
        public Builder streamThenFail(List<String> deltas, RuntimeException error) {
            steps.add(new Step(
                    String.join("", deltas), List.copyOf(deltas), Objects.requireNonNull(error, "error"), false, null));
            return this;
        }

        /**
         * The next call streams these deltas and then goes silent until cancelled (a non-streamed call
         * never completes).
         *
         * @param deltas what arrives before the silence
         * @return this builder
         */
        public Builder streamThenStall(List<String> deltas) {
            steps.add(new Step(String.join("", deltas), List.copyOf(deltas), null, true, null));
            return this;
        }

        /**
         * Answers calls once the script is used up; without it, such calls fail.
         *
         * @param responder computes the answer from the request
         * @return this builder
         */
        public Builder otherwise(Function<LlmRequest, String> responder) {
            this.otherwise = Objects.requireNonNull(responder, "responder");
            return this;
        }

        /**
         * Where answers are delivered; the common fork-join pool by default.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The provider.
         *
         * @return the provider
         */
        public ScriptedLlmProvider build() {
            return new ScriptedLlmProvider(this);
        }
    }
}
