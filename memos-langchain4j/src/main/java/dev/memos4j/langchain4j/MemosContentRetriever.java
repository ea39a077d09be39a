package dev.memos4j.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.MemoryTurns;
import dev.memos4j.assistant.SearchFailurePolicy;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.Timestamp;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LangChain4j {@link ContentRetriever} over MemOS {@code search/memory}: the user's memories and preferences
 * relevant to the query, for {@code AiServices} and {@code RetrievalAugmentor}s.
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .contentRetriever(MemosContentRetriever.builder(memosClient).build())
 *     .build();
 * assistant.chat(new MemosMemoryId("user-123", "conversation-7"), "What plans do I have for the weekend?");
 * }</pre>
 *
 * <p>The user comes from the query's chat memory id through a {@link MemoryIdResolver} ({@code @MemoryId
 * MemosMemoryId} by default). Limits, relevance threshold, search timeout and failure policy come from
 * {@link ChatOptions}. Each memory becomes a {@link Content} with its text, {@link ContentMetadata#SCORE} set
 * to its relativity, and segment metadata {@value #KIND} ({@code memory} or {@code preference}),
 * {@value #ID}, {@value #RELATIVITY}, {@value #TIME} (ISO-8601) and, for memories, {@value #MEMORY_TYPE}.
 * Memories come first, most relevant first, then preferences.
 */
public final class MemosContentRetriever implements ContentRetriever {

    /** Segment metadata key: {@code memory} or {@code preference}. */
    public static final String KIND = "memos_kind";
    /** Segment metadata key: the memory or preference id. */
    public static final String ID = "memos_id";
    /** Segment metadata key: relevance to the query, 0..1. */
    public static final String RELATIVITY = "memos_relativity";
    /** Segment metadata key: when the memory was last updated (or created), ISO-8601. */
    public static final String TIME = "memos_time";
    /** Segment metadata key: the memory type, e.g. {@code LongTermMemory}. */
    public static final String MEMORY_TYPE = "memos_memory_type";

    private static final Logger LOG = LoggerFactory.getLogger(MemosContentRetriever.class);

    private final MemosClient memos;
    private final MemoryIdResolver ids;
    private final ChatOptions options;

    private MemosContentRetriever(Builder b) {
        this.memos = b.memos;
        this.ids = b.ids;
        this.options = b.options;
    }

    /**
     * A builder over a memory client.
     *
     * @param memos where memories are searched
     * @return the builder
     */
    public static Builder builder(MemosClient memos) {
        return new Builder(memos);
    }

    /**
     * Searches the user's memories for the query's text.
     *
     * @param query the query; its metadata's chat memory id names the user
     * @return memories then preferences, as contents; empty when the search failed in {@code DEGRADE} mode
     * @throws IllegalArgumentException when no user can be found for the query
     * @throws dev.memos4j.client.errors.MemosException when the search fails in {@code STRICT} mode
     */
    @Override
    public List<Content> retrieve(Query query) {
        MemosMemoryId id = ids.resolve(chatMemoryId(query));
        Optional<SearchMemoryResponse> found;
        try {
            found = Optional.of(MemoryTurns.search(
                            memos,
                            MemoryTurns.searchRequest(options, id.userId(), id.conversationId(), query.text()),
                            options.searchTimeout())
                    .join());
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            if (options.searchFailurePolicy() == SearchFailurePolicy.STRICT) {
                throw cause;
            }
            LOG.warn("Memory search failed, retrieving nothing (conversation {}): {}", id.conversationId(), cause);
            return List.of();
        }
        PromptContext context = MemoryTurns.promptContext(
                options, id.userId(), id.conversationId(), query.text(), found, ZonedDateTime.now());
        List<Content> contents = new ArrayList<>();
        for (MemoryDetail memory : context.memories()) {
            contents.add(content(
                    memory.text(),
                    "memory",
                    memory.id(),
                    memory.relativity(),
                    memory.time(),
                    metadata -> memory.memoryType().ifPresent(type -> metadata.put(MEMORY_TYPE, type.toString()))));
        }
        for (PreferenceDetail preference : context.preferences()) {
            contents.add(content(
                    preference.preference(),
                    "preference",
                    preference.id(),
                    preference.relativity(),
                    preference.time(),
                    metadata -> {}));
        }
        return contents;
    }

    private static Object chatMemoryId(Query query) {
        try {
            Object id = query.metadata() == null ? null : query.metadata().chatMemoryId();
            return id == null ? MemoryIdResolver.DEFAULT_MEMORY_ID : id;
        } catch (RuntimeException e) {
            // Metadata built without an invocation context has no memory id.
            return MemoryIdResolver.DEFAULT_MEMORY_ID;
        }
    }

    private static Content content(
            String text,
            String kind,
            String id,
            Optional<Double> relativity,
            Optional<Timestamp> time,
            Consumer<Metadata> extra) {
        Metadata metadata = new Metadata().put(KIND, kind);
        if (!id.isEmpty()) {
            metadata.put(ID, id);
        }
        relativity.ifPresent(score -> metadata.put(RELATIVITY, score));
        time.flatMap(Timestamp::toInstant).ifPresent(instant -> metadata.put(TIME, instant.toString()));
        extra.accept(metadata);
        Map<ContentMetadata, Object> scores = new HashMap<>();
        relativity.ifPresent(score -> scores.put(ContentMetadata.SCORE, score));
        return Content.from(TextSegment.from(text, metadata), scores);
    }

    /** Builds a {@link MemosContentRetriever}. */
    public static final class Builder {
        private final MemosClient memos;
        private MemoryIdResolver ids = MemoryIdResolver.standard();
        private ChatOptions options = ChatOptions.defaults();

        private Builder(MemosClient memos) {
            this.memos = Objects.requireNonNull(memos, "memosClient is required");
        }

        /**
         * How chat memory ids become users; {@link MemoryIdResolver#standard()} by default.
         *
         * @param ids the resolver
         * @return this builder
         */
        public Builder memoryIdResolver(MemoryIdResolver ids) {
            this.ids = Objects.requireNonNull(ids, "memoryIdResolver");
            return this;
        }

        /**
         * Limits, threshold, search timeout and failure policy; {@link ChatOptions#defaults()} by default.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ChatOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The retriever.
         *
         * @return the retriever
         */
        public MemosContentRetriever build() {
            return new MemosContentRetriever(this);
        }
    }
}
