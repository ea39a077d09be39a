package dev.memos4j.assistant;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmStream;
import dev.memos4j.assistant.llm.StreamListener;
import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.assistant.prompt.PromptBuilder;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.assistant.tools.Tool;
import dev.memos4j.assistant.tools.ToolLoopOptions;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat with long-term memory: each turn searches the user's memories, builds the prompt, asks the LLM
 * and stores the exchange, so a later conversation can use what was said in an earlier one.
 *
 * <pre>{@code
 * MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memosClient, OpenAiLlmProvider.fromEnv()).build();
 * chat.chat("user-123", "conversation-1", "What plans do I have for the weekend?")
 *     .thenAccept(reply -> System.out.println(reply.answer()));
 * }</pre>
 *
 * <p>A turn, step by step:
 * <ol>
 *   <li>{@code search/memory} for the user, with its own timeout; when it fails the turn goes on without
 *       memories and the listener hears why ({@link SearchFailurePolicy#DEGRADE}), or fails
 *       ({@link SearchFailurePolicy#STRICT});
 *   <li>the {@link PromptBuilder} turns the query and what was recalled into messages;
 *   <li>the {@link LlmProvider} answers, at once or as a stream; its failure fails the turn. With
 *       {@link Builder#tools tools} (e.g. {@code MemoryTools}) this is a bounded tool loop: the model's tool
 *       calls run, their results go back to it, and it is asked again until it answers;
 *   <li>{@code add/message} stores the user's raw text and the final answer, in the turn's conversation,
 *       each with {@code chat_time} set to the turn's time; never the system prompt or the recalled
 *       memories. A placeholder answer ({@link LlmResult#placeholder()}, e.g. from
 *       {@code NotConnectedLlmProvider}) is not stored: only the user's text is. Only a turn that finished
 *       normally is stored, by default in the background ({@link WriteBackPolicy}). A failed store never
 *       fails the turn.
 * </ol>
 *
 * <p>Every turn names its user: there is no default user, so one user's memories never leak into
 * another's answers. Instances are immutable and thread-safe; share one per application.
 */
public final class MemoryAugmentedChat {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryAugmentedChat.class);

    private final MemosClient memos;
    private final LlmProvider llm;
    private final PromptBuilder promptBuilder;
    private final ChatOptions options;
    private final ChatListener listener;
    private final Supplier<String> conversationIds;
    private final Clock clock;
    private final Executor writeBackExecutor;
    private final ToolLoop toolLoop;

    private MemoryAugmentedChat(Builder b) {
        this.memos = b.memos;
        this.llm = b.llm;
        this.promptBuilder = b.promptBuilder;
        this.options = b.options;
        this.listener = new SafeListener(b.listener);
        this.conversationIds = b.conversationIds;
        this.clock = b.clock;
        this.writeBackExecutor = b.writeBackExecutor;
        this.toolLoop = b.tools.isEmpty() ? null : new ToolLoop(b.tools, b.toolLoopOptions, listener);
    }

    /**
     * A builder over a memory client and an LLM; the rest has defaults.
     *
     * @param memos where memories are searched and stored (cloud, self-hosted or local)
     * @param llm the model that answers
     * @return the builder
     */
    public static Builder builder(MemosClient memos, LlmProvider llm) {
        return new Builder(memos, llm);
    }

    /**
     * Runs one turn and returns the whole answer.
     *
     * @param userId the user whose memories are searched and written; required, not blank
     * @param conversationId the conversation; required, not blank
     * @param query the user's text; required, not blank
     * @return the reply; fails with the LLM's exception, or the search's in strict mode
     * @throws IllegalArgumentException when an argument is null or blank, naming it
     */
    public CompletableFuture<ChatReply> chat(String userId, String conversationId, String query) {
        TurnPlan plan = plan(userId, conversationId, query);
        return runTurn(plan, null, null);
    }

    /**
     * Runs one turn in a conversation from the configured supplier
     * ({@link Builder#conversationIdSupplier}).
     *
     * @param userId the user; required, not blank
     * @param query the user's text; required, not blank
     * @return the reply
     * @throws IllegalArgumentException when an argument is blank or no conversation id supplier is set
     */
    public CompletableFuture<ChatReply> chat(String userId, String query) {
        return chat(userId, nextConversationId(), query);
    }

    /**
     * Runs one turn and waits for the reply. For simple programs; servers should use {@link #chat}.
     *
     * @param userId the user; required, not blank
     * @param conversationId the conversation; required, not blank
     * @param query the user's text; required, not blank
     * @return the reply
     * @throws RuntimeException the turn's failure, unwrapped (e.g. an {@code LlmException})
     */
    public ChatReply chatBlocking(String userId, String conversationId, String query) {
        return Futures.join(chat(userId, conversationId, query));
    }

    /**
     * Runs one turn with the answer streamed: deltas go to {@code deltas} as they arrive, and the
     * handle's {@link ChatReplyStream#reply()} completes with the whole reply. Cancelling the handle aborts
     * the LLM stream and stores nothing.
     *
     * @param userId the user; required, not blank
     * @param conversationId the conversation; required, not blank
     * @param query the user's text; required, not blank
     * @param deltas receives the answer's pieces, in order
     * @return the handle
     * @throws IllegalArgumentException when an argument is null or blank, naming it
     */
    public ChatReplyStream chatStream(String userId, String conversationId, String query, StreamListener deltas) {
        Objects.requireNonNull(deltas, "deltas");
        TurnPlan plan = plan(userId, conversationId, query);
        ChatReplyStream handle = new ChatReplyStream();
        runTurn(plan, deltas, handle).whenComplete((reply, error) -> {
            if (error == null) {
                handle.reply().complete(reply);
            } else {
                handle.reply().completeExceptionally(Futures.unwrap(error));
            }
        });
        return handle;
    }

    /**
     * {@link #chatStream(String, String, String, StreamListener)} in a conversation from the configured
     * supplier.
     *
     * @param userId the user; required, not blank
     * @param query the user's text; required, not blank
     * @param deltas receives the answer's pieces
     * @return the handle
     */
    public ChatReplyStream chatStream(String userId, String query, StreamListener deltas) {
        return chatStream(userId, nextConversationId(), query, deltas);
    }

    /**
     * The options in use.
     *
     * @return the options
     */
    public ChatOptions options() {
        return options;
    }

    /**
     * The prompt builder in use.
     *
     * @return the prompt builder
     */
    public PromptBuilder promptBuilder() {
        return promptBuilder;
    }

    /**
     * The LLM in use.
     *
     * @return the provider
     */
    public LlmProvider llm() {
        return llm;
    }

    // ---- the turn ----

    /** A validated turn with its search request, built before anything is sent. */
    private record TurnPlan(ChatTurn turn, SearchMemoryRequest searchRequest) {}

    /** What the search stage produced. */
    private record SearchOutcome(Optional<SearchMemoryResponse> response, Optional<Throwable> failure) {}

    private TurnPlan plan(String userId, String conversationId, String query) {
        requireText(userId, "userId");
        requireText(conversationId, "conversationId");
        requireText(query, "query");
        ChatTurn turn = new ChatTurn(userId, conversationId, query, clock.instant());
        return new TurnPlan(turn, MemoryTurns.searchRequest(options, userId, conversationId, query));
    }

    private CompletableFuture<ChatReply> runTurn(TurnPlan plan, StreamListener deltas, ChatReplyStream handle) {
        ChatTurn turn = plan.turn();
        long start = System.nanoTime();
        listener.onTurnStarted(turn);
        CompletableFuture<ChatReply> reply = search(plan).thenCompose(outcome -> {
            long searched = System.nanoTime();
            PromptContext context = promptContext(turn, outcome);
            List<ChatMessage> messages = promptBuilder.build(context);
            long prompted = System.nanoTime();
            listener.onPromptBuilt(turn, context, messages);
            LlmRequest request = LlmRequest.builder()
                    .messages(messages)
                    .options(options.llmOptions())
                    .recall(context.recall())
                    .tools(toolLoop == null ? List.of() : toolLoop.definitions())
                    .build();
            listener.onLlmRequest(turn, request);
            return answer(turn, request, deltas, handle).thenCompose(result -> {
                long answered = System.nanoTime();
                listener.onLlmResponse(turn, result);
                if (handle != null && !handle.finish()) {
                    throw new CancellationException("chat turn cancelled");
                }
                CompletableFuture<Optional<TaskReceipt>> writeBack = writeBack(turn, result);
                Duration searchTime = Duration.ofNanos(searched - start);
                Duration promptTime = Duration.ofNanos(prompted - searched);
                Duration llmTime = Duration.ofNanos(answered - prompted);
                Supplier<ChatReply> replyNow = () -> new ChatReply(
                        turn,
                        result.text(),
                        context,
                        messages,
                        result,
                        outcome.response(),
                        outcome.failure(),
                        new ChatTimings(searchTime, promptTime, llmTime, Duration.ofNanos(System.nanoTime() - start)),
                        writeBack);
                if (options.writeBackPolicy() == WriteBackPolicy.SYNC) {
                    return writeBack.handle((receipt, error) -> replyNow.get());
                }
                return CompletableFuture.completedFuture(replyNow.get());
            });
        });
        return reply.whenComplete((done, error) -> {
            if (error == null) {
                listener.onReply(turn, done);
            } else {
                listener.onTurnFailed(turn, Futures.unwrap(error));
            }
        });
    }

    private CompletableFuture<SearchOutcome> search(TurnPlan plan) {
        ChatTurn turn = plan.turn();
        SearchMemoryRequest request = plan.searchRequest();
        Duration timeout = options.searchTimeout();
        listener.onSearchRequest(turn, request);
        return MemoryTurns.search(memos, request, timeout)
                .handle((response, error) -> {
                    if (error == null) {
                        listener.onSearchResponse(turn, response);
                        return CompletableFuture.completedFuture(
                                new SearchOutcome(Optional.of(response), Optional.empty()));
                    }
                    Throwable cause = Futures.unwrap(error);
                    if (options.searchFailurePolicy() == SearchFailurePolicy.STRICT) {
                        return CompletableFuture.<SearchOutcome>failedFuture(cause);
                    }
                    LOG.warn(
                            "Memory search failed, answering without memories (conversation {}): {}",
                            turn.conversationId(),
                            cause.toString());
                    listener.onSearchDegraded(turn, cause);
                    return CompletableFuture.completedFuture(new SearchOutcome(Optional.empty(), Optional.of(cause)));
                })
                .thenCompose(f -> f);
    }

    private PromptContext promptContext(ChatTurn turn, SearchOutcome outcome) {
        return MemoryTurns.promptContext(
                options,
                turn.userId(),
                turn.conversationId(),
                turn.query(),
                outcome.response(),
                ZonedDateTime.now(clock));
    }

    /** One model call, or the tool loop when the app gave tools. */
    private CompletableFuture<LlmResult> answer(
            ChatTurn turn, LlmRequest request, StreamListener deltas, ChatReplyStream handle) {
        if (toolLoop == null) {
            return askLlm(turn, request, deltas, handle);
        }
        return toolLoop.run(turn, request, next -> askLlm(turn, next, deltas, handle));
    }

    private CompletableFuture<LlmResult> askLlm(
            ChatTurn turn, LlmRequest request, StreamListener deltas, ChatReplyStream handle) {
        try {
            if (deltas == null) {
                return llm.complete(request);
            }
            if (handle.isCancelled()) {
                return CompletableFuture.failedFuture(new CancellationException("chat turn cancelled"));
            }
            LlmStream stream = llm.stream(request, delta -> {
                listener.onLlmDelta(turn, delta);
                deltas.onDelta(delta);
            });
            handle.attach(stream);
            return stream.completion();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Optional<TaskReceipt>> writeBack(ChatTurn turn, LlmResult result) {
        if (options.writeBackPolicy() == WriteBackPolicy.NONE) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (result.text().isBlank() && !result.placeholder()) {
            // Nothing was said back; storing a lone question would teach the memory nothing.
            LOG.debug("Empty answer; nothing stored (conversation {})", turn.conversationId());
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // A stand-in answer would store no model's words, only an echo of the prompt.
        Optional<String> answer = result.placeholder() ? Optional.empty() : Optional.of(result.text());
        AddMessageRequest request = MemoryTurns.exchange(
                turn.userId(),
                turn.conversationId(),
                turn.query(),
                answer,
                turn.startedAt().atZone(clock.getZone()));
        listener.onWriteBackRequest(turn, request);
        return MemoryTurns.store(memos, options.writeBackPolicy(), writeBackExecutor, request)
                .handle((receipt, error) -> {
                    if (error != null) {
                        Throwable cause = Futures.unwrap(error);
                        LOG.warn(
                                "Storing the exchange failed (conversation {}): {}",
                                turn.conversationId(),
                                cause.toString());
                        listener.onWriteBackFailed(turn, cause);
                        throw new CompletionException(cause);
                    }
                    listener.onWriteBackResponse(turn, receipt.orElseThrow());
                    return receipt;
                });
    }

    private String nextConversationId() {
        if (conversationIds == null) {
            throw new IllegalArgumentException(
                    "conversationId is required: pass one, or set Builder.conversationIdSupplier");
        }
        return conversationIds.get();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required and must not be blank");
        }
    }

    /** Builds a {@link MemoryAugmentedChat}. */
    public static final class Builder {
        private final MemosClient memos;
        private final LlmProvider llm;
        private PromptBuilder promptBuilder = DefaultPromptBuilder.create();
        private ChatOptions options = ChatOptions.defaults();
        private ChatListener listener = ChatListener.NO_OP;
        private Supplier<String> conversationIds;
        private Clock clock = Clock.systemDefaultZone();
        private Executor writeBackExecutor = ForkJoinPool.commonPool();
        private List<Tool> tools = List.of();
        private ToolLoopOptions toolLoopOptions = ToolLoopOptions.defaults();

        private Builder(MemosClient memos, LlmProvider llm) {
            this.memos = Objects.requireNonNull(memos, "memosClient is required");
            this.llm = Objects.requireNonNull(llm, "llmProvider is required");
        }

        /**
         * How prompts are built; {@link DefaultPromptBuilder} by default.
         *
         * @param promptBuilder the prompt builder
         * @return this builder
         */
        public Builder promptBuilder(PromptBuilder promptBuilder) {
            this.promptBuilder = Objects.requireNonNull(promptBuilder, "promptBuilder");
            return this;
        }

        /**
         * Limits and policies; {@link ChatOptions#defaults()} by default.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ChatOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Observes every stage of every turn.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ChatListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where turns without an explicit conversation id get one, e.g. from the web session.
         *
         * @param conversationIdSupplier returns a non-blank id per call
         * @return this builder
         */
        public Builder conversationIdSupplier(Supplier<String> conversationIdSupplier) {
            this.conversationIds = Objects.requireNonNull(conversationIdSupplier, "conversationIdSupplier");
            return this;
        }

        /**
         * The clock and time zone for "now" in prompts; the system default zone's clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where background write-backs start; the common fork-join pool by default.
         *
         * @param writeBackExecutor the executor
         * @return this builder
         */
        public Builder writeBackExecutor(Executor writeBackExecutor) {
            this.writeBackExecutor = Objects.requireNonNull(writeBackExecutor, "writeBackExecutor");
            return this;
        }

        /**
         * Tools the model may call, e.g. {@code MemoryTools.forUser(memos, userId).tools()} and the app's
         * own. With tools, a turn runs a bounded tool loop ({@link #toolLoopOptions}); memories are still
         * searched before the first model call, and only the user's text and the final answer are stored.
         *
         * @param tools the tools, unique names; empty for none (the default)
         * @return this builder
         */
        public Builder tools(List<Tool> tools) {
            this.tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
            return this;
        }

        /**
         * The bounds of the tool loop; {@link ToolLoopOptions#defaults()} by default.
         *
         * @param toolLoopOptions the bounds
         * @return this builder
         */
        public Builder toolLoopOptions(ToolLoopOptions toolLoopOptions) {
            this.toolLoopOptions = Objects.requireNonNull(toolLoopOptions, "toolLoopOptions");
            return this;
        }

        /**
         * The facade.
         *
         * @return the facade
         * @throws IllegalArgumentException when two tools share a name
         */
        public MemoryAugmentedChat build() {
            return new MemoryAugmentedChat(this);
        }
    }
}
