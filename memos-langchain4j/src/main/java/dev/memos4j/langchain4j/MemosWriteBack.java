package dev.memos4j.langchain4j;

import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.memos4j.assistant.MemoryTurns;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.TaskReceipt;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each finished AI service turn in MemOS: the user's message as the service built it (before any
 * retrieved content was added) and the model's final answer (the whole answer of a streamed turn), with the
 * same guarantees as {@code MemoryAugmentedChat}: in the background by default, so the reply never waits;
 * nothing for a failed turn or an empty answer; never system messages or retrieved context.
 *
 * <pre>{@code
 * MemosWriteBack writeBack = MemosWriteBack.builder(memosClient).build();
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .contentRetriever(MemosContentRetriever.builder(memosClient).build())
 *     .registerListeners(writeBack.listeners())
 *     .build();
 * }</pre>
 *
 * <p>It works from LangChain4j's AI service events (started, response received, completed, error), keyed by
 * invocation id, so concurrent turns never mix. The user and conversation come from the turn's chat memory id
 * through a {@link MemoryIdResolver}; a turn without a user is not stored and a warning is logged (LangChain4j
 * reports listener errors without failing the turn; the retriever and the store fail such a turn instead).
 */
public final class MemosWriteBack {

    private static final Logger LOG = LoggerFactory.getLogger(MemosWriteBack.class);

    private final MemosClient memos;
    private final MemoryIdResolver ids;
    private final WriteBackPolicy policy;
    private final Executor executor;
    private final Map<UUID, Pending> turns = new ConcurrentHashMap<>();
    private final Consumer<CompletableFuture<Optional<TaskReceipt>>> onStore;

    /** A turn under way: who asked what, and the latest answer the model gave. */
    private static final class Pending {
        final MemosMemoryId id;
        final String query;
        volatile String answer = "";

        Pending(MemosMemoryId id, String query) {
            this.id = id;
            this.query = query;
        }
    }

    private MemosWriteBack(Builder b) {
        this.memos = b.memos;
        this.ids = b.ids;
        this.policy = b.policy;
        this.executor = b.executor;
        this.onStore = b.onStore;
    }

    /**
     * A builder over a memory client.
     *
     * @param memos where turns are stored
     * @return the builder
     */
    public static Builder builder(MemosClient memos) {
        return new Builder(memos);
    }

    /**
     * The listeners to register on an AI service ({@code AiServices.builder(...).registerListeners(...)}).
     *
     * @return the listeners for the started, response, completed and error events
     */
    public List<AiServiceListener<?>> listeners() {
        AiServiceStartedListener started = this::started;
        AiServiceResponseReceivedListener response = this::responded;
        AiServiceCompletedListener completed = this::completed;
        AiServiceErrorListener failed =
                event -> turns.remove(event.invocationContext().invocationId());
        return List.of(started, response, completed, failed);
    }

    private void started(AiServiceStartedEvent event) {
        MemosMemoryId id;
        try {
            Object memoryId = event.invocationContext().chatMemoryId();
            id = ids.resolve(memoryId == null ? MemoryIdResolver.DEFAULT_MEMORY_ID : memoryId);
        } catch (IllegalArgumentException e) {
            LOG.warn("This AI service turn is not stored: {}", e.getMessage());
            return;
        }
        turns.put(event.invocationContext().invocationId(), new Pending(id, Texts.of(event.userMessage())));
    }

    private void responded(AiServiceResponseReceivedEvent event) {
        Pending turn = turns.get(event.invocationContext().invocationId());
        if (turn != null && event.response() != null) {
            // Tool-calling turns get several responses; the last one holds the final answer.
            turn.answer = Texts.of(event.response().aiMessage());
        }
    }

    private void completed(AiServiceCompletedEvent event) {
        Pending turn = turns.remove(event.invocationContext().invocationId());
        if (turn == null || turn.answer.isBlank() || turn.query.isBlank()) {
            return;
        }
        CompletableFuture<Optional<TaskReceipt>> stored;
        try {
            stored = MemoryTurns.store(
                    memos,
                    policy,
                    executor,
                    MemoryTurns.exchange(turn.id.userId(), turn.id.conversationId(), turn.query, turn.answer));
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        stored = stored.whenComplete((receipt, error) -> {
            if (error != null) {
                LOG.warn("Storing the turn failed (conversation {}): {}", turn.id.conversationId(), error.toString());
            }
        });
        onStore.accept(stored);
        if (policy == WriteBackPolicy.SYNC) {
            stored.handle((receipt, error) -> null).join();
        }
    }

    /** Builds a {@link MemosWriteBack}. */
    public static final class Builder {
        private final MemosClient memos;
        private MemoryIdResolver ids = MemoryIdResolver.standard();
        private WriteBackPolicy policy = WriteBackPolicy.ASYNC;
        private Executor executor = ForkJoinPool.commonPool();
        private Consumer<CompletableFuture<Optional<TaskReceipt>>> onStore = stored -> {};

        private Builder(MemosClient memos) {
            this.memos = Objects.requireNonNull(memos, "memosClient is required");
        }

        /**
         * How chat memory ids become users and conversations; {@link MemoryIdResolver#standard()} by default.
         *
         * @param ids the resolver
         * @return this builder
         */
        public Builder memoryIdResolver(MemoryIdResolver ids) {
            this.ids = Objects.requireNonNull(ids, "memoryIdResolver");
            return this;
        }

        /**
         * When turns are stored; {@link WriteBackPolicy#ASYNC} by default.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder writeBackPolicy(WriteBackPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "writeBackPolicy");
            return this;
        }

        /**
         * Where background stores start; the common fork-join pool by default.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder writeBackExecutor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "writeBackExecutor");
            return this;
        }

        /**
         * Receives every store as it starts (its receipt, empty under {@code NONE}), e.g. to report or await
         * it.
         *
         * @param onStore the callback; must not block
         * @return this builder
         */
        public Builder onStore(Consumer<CompletableFuture<Optional<TaskReceipt>>> onStore) {
            this.onStore = Objects.requireNonNull(onStore, "onStore");
            return this;
        }

        /**
         * The write-back.
         *
         * @return the write-back
         */
        public MemosWriteBack build() {
            return new MemosWriteBack(this);
        }
    }
}
