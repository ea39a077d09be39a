package dev.memos4j.springai;

import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.MemoryTurns;
import dev.memos4j.assistant.SearchFailurePolicy;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.assistant.prompt.PromptBuilder;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.MemoryAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Spring AI advisor that gives a {@code ChatClient} long-term memory from MemOS, for {@code call()} and
 * {@code stream()} alike.
 *
 * <pre>{@code
 * ChatClient chat = ChatClient.builder(chatModel)
 *     .defaultAdvisors(MemosMemoryAdvisor.builder(memosClient).build())
 *     .build();
 * String answer = chat.prompt()
 *     .user("What plans do I have for the weekend?")
 *     .advisors(a -> a.param(MemosMemoryAdvisor.USER_ID, "user-123")
 *                     .param(MemosMemoryAdvisor.CONVERSATION_ID, "conversation-7"))
 *     .call()
 *     .content();
 * }</pre>
 *
 * <p>Before the model, it searches the user's memories with the user's own text (limits, threshold, timeout
 * and failure policy from {@link ChatOptions}) and puts them into the prompt through a {@link PromptBuilder}
 * ({@link DefaultPromptBuilder}, the MemOS prompt, by default): the builder's system text is appended to the
 * prompt's system message, or becomes it. The recalled context is also put into the advisor context under
 * {@link #RECALLED}. After the model, it stores exactly the user's raw text and the final answer (the whole
 * answer of a stream, once, when the stream completes) under the options' {@link WriteBackPolicy}:
 * {@code ASYNC} by default, so the reply never waits for it. The system prompt and the recalled memories are
 * never stored; a failed, cancelled or empty answer stores nothing, and a failed store never fails the reply.
 *
 * <p>The user comes from the advisor parameter {@link #USER_ID}, else from the configured
 * {@link Builder#userIdSupplier user id supplier}; without either the call fails with an
 * {@link IllegalArgumentException} before anything is sent: there is no shared default user. The
 * conversation comes from {@link #CONVERSATION_ID} (Spring AI's own {@code ChatMemory.CONVERSATION_ID}, so one
 * parameter serves this advisor and {@code MessageChatMemoryAdvisor}), else from the configured supplier.
 *
 * <p>Its order is {@link Advisor#DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER}, like Spring AI's memory advisors, so
 * it runs before retrieval advisors change the user's message and sees the text the user typed. It holds no
 * per-request state: one instance serves all users and threads.
 */
public final class MemosMemoryAdvisor implements CallAdvisor, StreamAdvisor, MemoryAdvisor {

    /** Advisor parameter naming the MemOS user whose memories are searched and written. */
    public static final String USER_ID = "memos_user_id";

    /** Advisor parameter naming the conversation; the same key as Spring AI's {@code ChatMemory.CONVERSATION_ID}. */
    public static final String CONVERSATION_ID = ChatMemory.CONVERSATION_ID;

    /** Context key under which the advisor leaves the turn's {@link PromptContext} (what was recalled). */
    public static final String RECALLED = "memos_recalled";

    private static final Logger LOG = LoggerFactory.getLogger(MemosMemoryAdvisor.class);

    private final MemosClient memos;
    private final PromptBuilder promptBuilder;
    private final ChatOptions options;
    private final Supplier<String> userIds;
    private final Supplier<String> conversationIds;
    private final int order;
    private final Executor writeBackExecutor;
    private final Clock clock;

    private MemosMemoryAdvisor(Builder b) {
        this.memos = b.memos;
        this.promptBuilder = b.promptBuilder;
        this.options = b.options;
        this.userIds = b.userIds;
        this.conversationIds = b.conversationIds;
        this.order = b.order;
        this.writeBackExecutor = b.writeBackExecutor;
        this.clock = b.clock;
    }

    /**
     * A builder over a memory client; everything else has defaults.
     *
     * @param memos where memories are searched and stored (cloud, self-hosted or local)
     * @return the builder
     */
    public static Builder builder(MemosClient memos) {
        return new Builder(memos);
    }

    @Override
    public String getName() {
        return "MemosMemoryAdvisor";
    }

    @Override
    public int getOrder() {
        return order;
    }

    /**
     * The options in use.
     *
     * @return the limits and policies
     */
    public ChatOptions options() {
        return options;
    }

    @Override
    public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
        Optional<Turn> turn = Turn.of(request, userIds, conversationIds);
        if (turn.isEmpty()) {
            return chain.nextCall(request);
        }
        Optional<SearchMemoryResponse> found = Futures.join(recall(turn.get()));
        ChatClientResponse response = chain.nextCall(augment(request, turn.get(), found));
        CompletableFuture<Optional<TaskReceipt>> stored = store(turn.get(), answer(response.chatResponse()));
        if (options.writeBackPolicy() == WriteBackPolicy.SYNC) {
            stored.handle((receipt, error) -> receipt).join();
        }
        return response;
    }

    @Override
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
        return Mono.fromCallable(() -> Turn.of(request, userIds, conversationIds))
                .flatMapMany(turn -> turn.isEmpty()
                        ? chain.nextStream(request)
                        : Mono.fromFuture(() -> recall(turn.get()))
                                .flatMapMany(found -> streamAndStore(request, turn.get(), found, chain)));
    }

    /** Streams the answer, gathering its text; only a stream that completes is stored, once. */
    private Flux<ChatClientResponse> streamAndStore(
            ChatClientRequest request, Turn turn, Optional<SearchMemoryResponse> found, StreamAdvisorChain chain) {
        StringBuilder whole = new StringBuilder();
        Flux<ChatClientResponse> answer = chain.nextStream(augment(request, turn, found))
                .doOnNext(chunk -> whole.append(answer(chunk.chatResponse())));
        Mono<ChatClientResponse> stored = Mono.defer(() -> {
            CompletableFuture<Optional<TaskReceipt>> store = store(turn, whole.toString());
            return options.writeBackPolicy() == WriteBackPolicy.SYNC
                    ? Mono.fromFuture(store.handle((receipt, error) -> receipt)).then(Mono.empty())
                    : Mono.empty();
        });
        return answer.concatWith(stored);
    }

    /** The search, under the options' timeout; a failure is empty ({@code DEGRADE}) or fails ({@code STRICT}). */
    private CompletableFuture<Optional<SearchMemoryResponse>> recall(Turn turn) {
        return MemoryTurns.search(
                        memos,
                        MemoryTurns.searchRequest(options, turn.userId(), turn.conversationId(), turn.query()),
                        options.searchTimeout())
                .handle((response, error) -> {
                    if (error == null) {
                        return Optional.of(response);
                    }
                    Throwable cause = Futures.unwrap(error);
                    if (options.searchFailurePolicy() == SearchFailurePolicy.STRICT) {
                        throw new CompletionException(cause);
                    }
                    LOG.warn(
                            "Memory search failed, answering without memories (conversation {}): {}",
                            turn.conversationId(),
                            cause.toString());
                    return Optional.empty();
                });
    }

    private ChatClientRequest augment(ChatClientRequest request, Turn turn, Optional<SearchMemoryResponse> found) {
        PromptContext context = MemoryTurns.promptContext(
                options, turn.userId(), turn.conversationId(), turn.query(), found, ZonedDateTime.now(clock));
        return request.mutate()
                .prompt(MemoryPrompt.merge(request.prompt(), promptBuilder.build(context)))
                .context(RECALLED, context)
                .build();
    }

    private CompletableFuture<Optional<TaskReceipt>> store(Turn turn, String answer) {
        if (answer.isBlank()) {
            // Nothing was said back (or only tool calls); a lone question teaches the memory nothing.
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<TaskReceipt>> stored;
        try {
            stored = MemoryTurns.store(
                    memos,
                    options.writeBackPolicy(),
                    writeBackExecutor,
                    MemoryTurns.exchange(
                            turn.userId(),
                            turn.conversationId(),
                            turn.query(),
                            Optional.of(answer),
                            ZonedDateTime.now(clock)));
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.whenComplete((receipt, error) -> {
            if (error != null) {
                LOG.warn(
                        "Storing the exchange failed (conversation {}): {}",
                        turn.conversationId(),
                        Futures.unwrap(error).toString());
            }
        });
    }

    private static String answer(ChatResponse response) {
        if (response == null || response.getResults() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Generation generation : response.getResults()) {
            if (generation != null
                    && generation.getOutput() != null
                    && generation.getOutput().getText() != null) {
                text.append(generation.getOutput().getText());
            }
        }
        return text.toString();
    }

    /** Builds a {@link MemosMemoryAdvisor}. */
    public static final class Builder {
        private final MemosClient memos;
        private PromptBuilder promptBuilder = DefaultPromptBuilder.create();
        private ChatOptions options = ChatOptions.defaults();
        private Supplier<String> userIds;
        private Supplier<String> conversationIds;
        private int order = Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER;
        private Executor writeBackExecutor = ForkJoinPool.commonPool();
        private Clock clock = Clock.systemDefaultZone();

        private Builder(MemosClient memos) {
            this.memos = Objects.requireNonNull(memos, "memosClient is required");
        }

        /**
         * How recalled memories become prompt text; {@link DefaultPromptBuilder} by default.
         *
         * @param promptBuilder the prompt builder
         * @return this builder
         */
        public Builder promptBuilder(PromptBuilder promptBuilder) {
            this.promptBuilder = Objects.requireNonNull(promptBuilder, "promptBuilder");
            return this;
        }

        /**
         * Limits, threshold, search timeout and policies; {@link ChatOptions#defaults()} by default (the
         * LLM options in it are not used: the {@code ChatClient} has its own).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ChatOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Where a request without the {@link #USER_ID} parameter gets its user, e.g. from the security
         * context. It must return a non-blank id.
         *
         * @param userIdSupplier the supplier
         * @return this builder
         */
        public Builder userIdSupplier(Supplier<String> userIdSupplier) {
            this.userIds = Objects.requireNonNull(userIdSupplier, "userIdSupplier");
            return this;
        }

        /**
         * Where a request without the {@link #CONVERSATION_ID} parameter gets its conversation, e.g. from the
         * web session. It must return a non-blank id.
         *
         * @param conversationIdSupplier the supplier
         * @return this builder
         */
        public Builder conversationIdSupplier(Supplier<String> conversationIdSupplier) {
            this.conversationIds = Objects.requireNonNull(conversationIdSupplier, "conversationIdSupplier");
            return this;
        }

        /**
         * The advisor's order; {@link Advisor#DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER} by default.
         *
         * @param order the order, lower runs earlier
         * @return this builder
         */
        public Builder order(int order) {
            this.order = order;
            return this;
        }

        /**
         * Where asynchronous write-backs start; the common fork-join pool by default.
         *
         * @param writeBackExecutor the executor
         * @return this builder
         */
        public Builder writeBackExecutor(Executor writeBackExecutor) {
            this.writeBackExecutor = Objects.requireNonNull(writeBackExecutor, "writeBackExecutor");
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
         * The advisor.
         *
         * @return the advisor
         */
        public MemosMemoryAdvisor build() {
            return new MemosMemoryAdvisor(this);
        }
    }
}
