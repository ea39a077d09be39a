package dev.memos4j.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.memos4j.assistant.MemoryTurns;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.MessageDetail;
import dev.memos4j.client.model.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LangChain4j {@link ChatMemoryStore} backed by MemOS messages: a conversation's window is loaded with
 * {@code get/message} and every new user or assistant message is stored with {@code add/message}, so MemOS
 * turns the conversation into long-term memory as it goes.
 *
 * <pre>{@code
 * MemosChatMemoryStore store = MemosChatMemoryStore.builder(memosClient).build();
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
 *         .chatMemoryStore(store).build())
 *     .build();
 * }</pre>
 *
 * <p>LangChain4j hands the store the whole window on every update; this store sends only the messages it has
 * not seen before (it remembers, per conversation, the message objects of the current window). It never
 * stores system messages, tool calls or tool results, and never retrieved context: when the user message
 * carries what a content injector appended (LangChain4j's default injector marks it with
 * {@value #DEFAULT_RETRIEVED_CONTENT_MARKER}), only the user's own text before the marker is stored. Still
 * better: build the AI service with {@code storeRetrievedContentInChatMemory(false)}.
 *
 * <p>Stores happen in the background by default ({@link WriteBackPolicy#ASYNC}), in order per conversation;
 * a failed store is logged and never fails the chat. {@link #deleteMessages} empties the window in this store
 * (MemOS keeps the stored messages and the memories made from them; delete those with
 * {@code deleteMemory}). Use this store or {@link MemosWriteBack} for a service, not both: each stores the
 * turns.
 */
public final class MemosChatMemoryStore implements ChatMemoryStore {

    /** The line LangChain4j's {@code DefaultContentInjector} puts before retrieved content. */
    public static final String DEFAULT_RETRIEVED_CONTENT_MARKER = "\n\nAnswer using the following information:\n";

    private static final Logger LOG = LoggerFactory.getLogger(MemosChatMemoryStore.class);

    private final MemosClient memos;
    private final MemoryIdResolver ids;
    private final int messageLimit;
    private final WriteBackPolicy writeBackPolicy;
    private final Executor writeBackExecutor;
    private final String retrievedContentMarker;
    private final Map<Object, Window> windows;

    /** A conversation's current window and the last store sent for it, so stores stay in order. */
    private static final class Window {
        List<ChatMessage> messages;
        CompletableFuture<?> lastStore = CompletableFuture.completedFuture(null);

        Window(List<ChatMessage> messages) {
            this.messages = messages;
        }
    }

    private MemosChatMemoryStore(Builder b) {
        this.memos = b.memos;
        this.ids = b.ids;
        this.messageLimit = b.messageLimit;
        this.writeBackPolicy = b.writeBackPolicy;
        this.writeBackExecutor = b.writeBackExecutor;
        this.retrievedContentMarker = b.retrievedContentMarker;
        int maxConversations = b.maxConversations;
        this.windows = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Window> eldest) {
                return size() > maxConversations;
            }
        });
    }

    /**
     * A builder over a memory client.
     *
     * @param memos where messages are loaded and stored
     * @return the builder
     */
    public static Builder builder(MemosClient memos) {
        return new Builder(memos);
    }

    /**
     * The conversation's window: the one this store holds, else the most recent messages from MemOS.
     *
     * @param memoryId the chat memory id
     * @return the messages, oldest first
     * @throws IllegalArgumentException when no user can be found for the id
     * @throws dev.memos4j.client.errors.MemosException when loading from MemOS fails
     */
    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        Window window = window(memoryId);
        synchronized (window) {
            return new ArrayList<>(window.messages);
        }
    }

    /**
     * Takes the new window and stores the user and assistant messages in it that this store has not seen.
     *
     * @param memoryId the chat memory id
     * @param messages the whole window, as LangChain4j holds it
     * @throws IllegalArgumentException when no user can be found for the id
     */
    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        MemosMemoryId id = ids.resolve(memoryId);
        Window window = window(memoryId);
        CompletableFuture<?> stored;
        synchronized (window) {
            Set<ChatMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.addAll(window.messages);
            List<Message> fresh = new ArrayList<>();
            for (ChatMessage message : messages) {
                if (!seen.contains(message)) {
                    storable(message).ifPresent(fresh::add);
                }
            }
            window.messages = new ArrayList<>(messages);
            if (fresh.isEmpty() || writeBackPolicy == WriteBackPolicy.NONE) {
                return;
            }
            AddMessageRequest request = AddMessageRequest.builder()
                    .userId(id.userId())
                    .conversationId(id.conversationId())
                    .messages(fresh)
                    .build();
            stored = window.lastStore
                    .handle((ignored, error) -> null)
                    .thenCompose(ignored -> MemoryTurns.store(memos, writeBackPolicy, writeBackExecutor, request))
                    .whenComplete((receipt, error) -> {
                        if (error != null) {
                            LOG.warn(
                                    "Storing {} chat messages failed (conversation {}): {}",
                                    fresh.size(),
                                    id.conversationId(),
                                    Futures.unwrap(error).toString());
                        }
                    });
            window.lastStore = stored;
        }
        if (writeBackPolicy == WriteBackPolicy.SYNC) {
            stored.handle((receipt, error) -> null).join();
        }
    }

    /**
     * Empties the conversation's window in this store; what MemOS stored stays there.
     *
     * @param memoryId the chat memory id
     */
    @Override
    public void deleteMessages(Object memoryId) {
        Window window = windows.computeIfAbsent(memoryId, k -> new Window(new ArrayList<>()));
        synchronized (window) {
            window.messages = new ArrayList<>();
        }
    }

    /**
     * Completes when every store sent so far for the conversation has finished (or failed); for tests and
     * orderly shutdown.
     *
     * @param memoryId the chat memory id
     * @return a future that never fails
     */
    public CompletableFuture<Void> flush(Object memoryId) {
        Window window = windows.get(memoryId);
        if (window == null) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (window) {
            return window.lastStore.handle((receipt, error) -> null);
        }
    }

    private Window window(Object memoryId) {
        Window cached = windows.get(memoryId);
        if (cached != null) {
            return cached;
        }
        MemosMemoryId id = ids.resolve(memoryId);
        List<ChatMessage> loaded = new ArrayList<>();
        try {
            for (MessageDetail detail : memos.getMessage(GetMessageRequest.builder()
                            .userId(id.userId())
                            .conversationId(id.conversationId())
                            .messageLimitNumber(messageLimit)
                            .build())
                    .join()
                    .messages()) {
                if (Role.USER.equals(detail.role())) {
                    loaded.add(UserMessage.from(detail.content()));
                } else if (Role.ASSISTANT.equals(detail.role())) {
                    loaded.add(AiMessage.from(detail.content()));
                }
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return windows.computeIfAbsent(memoryId, k -> new Window(loaded));
    }

    /** The MemOS message for a LangChain4j one, when it is the user's or the assistant's own words. */
    private Optional<Message> storable(ChatMessage message) {
        if (message instanceof UserMessage user) {
            String text = Texts.of(user);
            int marker = retrievedContentMarker.isEmpty() ? -1 : text.indexOf(retrievedContentMarker);
            String own = marker < 0 ? text : text.substring(0, marker);
            return own.isBlank() ? Optional.empty() : Optional.of(Message.user(own));
        }
        if (message instanceof AiMessage ai) {
            String text = Texts.of(ai);
            return text.isBlank() ? Optional.empty() : Optional.of(Message.assistant(text));
        }
        return Optional.empty();
    }

    /** Builds a {@link MemosChatMemoryStore}. */
    public static final class Builder {
        private final MemosClient memos;
        private MemoryIdResolver ids = MemoryIdResolver.standard();
        private int messageLimit = 20;
        private WriteBackPolicy writeBackPolicy = WriteBackPolicy.ASYNC;
        private Executor writeBackExecutor = ForkJoinPool.commonPool();
        private String retrievedContentMarker = DEFAULT_RETRIEVED_CONTENT_MARKER;
        private int maxConversations = 10_000;

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
         * How many recent messages a window is loaded with from MemOS; 20 by default.
         *
         * @param messageLimit 1..50
         * @return this builder
         */
        public Builder messageLimit(int messageLimit) {
            if (messageLimit < 1 || messageLimit > 50) {
                throw new IllegalArgumentException("messageLimit must be between 1 and 50, was " + messageLimit);
            }
            this.messageLimit = messageLimit;
            return this;
        }

        /**
         * When new messages are stored; {@link WriteBackPolicy#ASYNC} by default, {@code NONE} for a
         * read-only store.
         *
         * @param writeBackPolicy the policy
         * @return this builder
         */
        public Builder writeBackPolicy(WriteBackPolicy writeBackPolicy) {
            this.writeBackPolicy = Objects.requireNonNull(writeBackPolicy, "writeBackPolicy");
            return this;
        }

        /**
         * Where background stores start; the common fork-join pool by default.
         *
         * @param writeBackExecutor the executor
         * @return this builder
         */
        public Builder writeBackExecutor(Executor writeBackExecutor) {
            this.writeBackExecutor = Objects.requireNonNull(writeBackExecutor, "writeBackExecutor");
            return this;
        }

        /**
         * The text a content injector puts before retrieved content in a user message; what follows it is
         * never stored. {@link #DEFAULT_RETRIEVED_CONTENT_MARKER} by default; empty to store user messages whole.
         *
         * @param retrievedContentMarker the marker
         * @return this builder
         */
        public Builder retrievedContentMarker(String retrievedContentMarker) {
            this.retrievedContentMarker = Objects.requireNonNull(retrievedContentMarker, "retrievedContentMarker");
            return this;
        }

        /**
         * How many conversations' windows are held; the least recently used beyond it are reloaded from MemOS
         * when next used. 10,000 by default.
         *
         * @param maxConversations at least 1
         * @return this builder
         */
        public Builder maxConversations(int maxConversations) {
            if (maxConversations < 1) {
                throw new IllegalArgumentException("maxConversations must be at least 1, was " + maxConversations);
            }
            this.maxConversations = maxConversations;
            return this;
        }

        /**
         * The store.
         *
         * @return the store
         */
        public MemosChatMemoryStore build() {
            return new MemosChatMemoryStore(this);
        }
    }
}
