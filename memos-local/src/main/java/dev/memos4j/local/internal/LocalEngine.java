package dev.memos4j.local.internal;

import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.ExtractedMemory;
import dev.memos4j.client.model.ExtractedPreference;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.GetMessageResponse;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.MessageDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.PreferenceType;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.RerankResponse;
import dev.memos4j.client.model.RerankResult;
import dev.memos4j.client.model.Role;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.Timestamp;
import dev.memos4j.client.model.UpdateMemoryRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.MemoryExtractor;
import dev.memos4j.local.RetrievalMode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local engine behind {@code LocalMemos}: every operation of the MemOS API that has a local meaning,
 * as blocking calls (the facade runs them on its executor), plus the background "fine" stage.
 */
public final class LocalEngine implements AutoCloseable {

    /** Explicit preferences are returned at least this relevant: the cloud returns preferences liberally. */
    static final double PREFERENCE_FLOOR = 0.5;

    static final String PREFERENCE_NOTE =
            "Respect the user's preferences below when they apply; " + "they were stated explicitly by the user.";
    private static final Pattern SPEAKER_PREFIX =
            Pattern.compile("^([\\p{Lu}][\\p{L}.'-]*(?: [\\p{Lu}][\\p{L}.'-]*){0,2}):\\s");
    private static final Pattern KEYWORD_CORRECTION = Pattern.compile(
            "(?i)\\b(?:replace|change)\\s+[\"“']?(.+?)[\"”']?\\s+(?:with|to|by)\\s+[\"“']?(.+?)[\"”']?\\s*[.!]?$");

    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);
    private final MemoryIndex index;
    private final Embedder embedder;
    private final MemoryExtractor extractor;
    private final boolean fineStage;
    private final Clock clock;
    private final Executor executor;
    private final HybridRanker ranker;
    private final RetrievalMode mode;
    // Query embeddings run here while the searching thread does the lexical part, and one of the two vector
    // searches: only leaf tasks, which never wait on other work, so a saturated engine cannot deadlock on it.
    private final ExecutorService searchHelpers = LocalExecutor.create("memos-local-search-");
    // The most recent tasks only, so a long-running process does not grow without bound.
    private static final int MAX_TASKS = 100_000;
    private final Map<String, TaskStatusResponse> tasks =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TaskStatusResponse> eldest) {
                    return size() > MAX_TASKS;
                }
            });
    private final AtomicLong seq;

    /**
     * An engine over {@code index}.
     *
     * @param extractor the extractor of the background "fine" stage, or null for none (explicit
     *     preferences are detected by rules during the fast stage either way)
     */
    public LocalEngine(
            MemoryIndex index,
            Embedder embedder,
            MemoryExtractor extractor,
            Clock clock,
            Executor executor,
            RetrievalMode mode) {
        if (mode == RetrievalMode.DENSE && !embedder.enabled()) {
            throw new IllegalArgumentException("retrievalMode DENSE needs an embedder that produces vectors");
        }
        this.index = index;
        this.embedder = embedder;
        this.extractor = extractor == null ? MemoryExtractor.ruleBased() : extractor;
        this.fineStage = extractor != null;
        this.clock = clock;
        this.executor = executor;
        this.ranker = new HybridRanker(
                index.analyzer(), Fusion.DEFAULTS, Relevance.forSearch(embedder.name(), mode), mode, searchHelpers);
        this.mode = mode;
        if (index.outdated()) {
            LOG.info("{}: upgrading the stored records to the current index format (once)", index);
            int records = index.reindex(this::withVectors);
            LOG.info("{}: upgraded {} records", index, records);
        }
        this.seq = new AtomicLong(lastSeq() + 1);
    }

    private long lastSeq() {
        List<StoredItem> last = index.find(
                new org.apache.lucene.search.MatchAllDocsQuery(),
                new Sort(new SortField(MemoryIndex.F_SEQ, SortField.Type.LONG, true)),
                0,
                1);
        return last.isEmpty() ? 0 : last.get(0).seq();
    }

    // ---- add/message ----

    /** Fast stage now (one memory per turn, rule-based preferences); fine stage in the background if configured. */
    public CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request) {
        String taskId = UUID.randomUUID().toString();
        String userId = request.userId().orElse("");
        String agentId = request.agentId().orElse("");
        String conversationId = request.conversationId().orElseGet(() -> "conv-" + UUID.randomUUID());
        FastResult fast = writeFast(request, userId, agentId, conversationId, List.of());
        if (!fineStage) {
            tasks.put(taskId, taskStatus(taskId, TaskStatus.COMPLETED, fast.added(), 0));
            return CompletableFuture.completedFuture(TaskReceipt.of(taskId, TaskStatus.COMPLETED));
        }
        tasks.put(taskId, taskStatus(taskId, TaskStatus.RUNNING, fast.added(), 0));
        CompletableFuture<TaskReceipt> fine = extractor
                .extract(request.messages(), fast.time())
                .thenApplyAsync(result -> writeFine(result, userId, agentId, conversationId, fast), executor)
                .handle((added, failure) -> {
                    TaskStatus status = failure == null ? TaskStatus.COMPLETED : TaskStatus.FAILED;
                    tasks.put(taskId, taskStatus(taskId, status, fast.added() + (added == null ? 0 : added), 0));
                    return TaskReceipt.of(taskId, status);
                });
        return request.asyncMode()
                ? CompletableFuture.completedFuture(TaskReceipt.of(taskId, TaskStatus.RUNNING))
                : fine;
    }

    private record FastResult(int added, Instant time, List<Map<String, Object>> sources) {}

    private FastResult writeFast(
            AddMessageRequest request, String userId, String agentId, String conversationId, List<String> extraTags) {
        long now = clock.millis();
        List<Message> messages = request.messages();
        List<Integer> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (!m.text().isBlank() && !Role.SYSTEM.equals(m.role())) {
                turns.add(i);
            }
        }
        List<String> tags = new ArrayList<>();
        tags.add("mode:fast");
        tags.addAll(extraTags);
        request.tags().ifPresent(tags::addAll);
        Map<String, Object> info = request.info().orElse(Map.of());
        String appId = request.appId().orElse("");

        List<StoredItem> items = new ArrayList<>();
        List<Map<String, Object>> allSources = new ArrayList<>();
        Set<String> knownPreferences = existingPreferences(userId, agentId);
        Instant latest = Instant.ofEpochMilli(now);
        for (int t = 0; t < turns.size(); t++) {
            int i = turns.get(t);
            Message m = messages.get(i);
            String text = m.text().strip();
            Optional<Instant> chatTime = m.chatTime().flatMap(ChatTimes::parse);
            long time = chatTime.map(Instant::toEpochMilli).orElse(now);
            latest = Instant.ofEpochMilli(time);
            String dateLabel = chatTime.map(ChatTimes::label).orElse("");
            String speaker = speakerOf(m, text);
            Map<String, Object> source = source(m, i, text, conversationId);
            allSources.add(source);
            String context = contextOf(messages, turns, t);
            // The message is kept exactly as sent (get/message returns it); only the memory is trimmed.
            items.add(new StoredItem(
                    StoredItem.MESSAGE,
                    UUID.randomUUID().toString(),
                    userId,
                    agentId,
                    appId,
                    conversationId,
                    m.text(),
                    "",
                    m.role().value(),
                    List.of(),
                    info,
                    List.of(source),
                    time,
                    time,
                    StoredItem.ACTIVATED,
                    1.0,
                    speaker,
                    dateLabel,
                    text,
                    seq.getAndIncrement()));
            items.add(new StoredItem(
                    StoredItem.MEMORY,
                    UUID.randomUUID().toString(),
                    userId,
                    agentId,
                    appId,
                    conversationId,
                    text,
                    MemoryKeys.keyOf(text),
                    MemoryType.WORKING_MEMORY.value(),
                    tags,
                    info,
                    List.of(source),
                    time,
                    time,
                    StoredItem.ACTIVATED,
                    0.99,
                    speaker,
                    dateLabel,
                    context,
                    seq.getAndIncrement()));
            if (Role.USER.equals(m.role())) {
                for (String preference : RuleBasedExtractor.explicitPreferences(text)) {
                    if (knownPreferences.add(normalise(preference))) {
                        items.add(preferenceItem(
                                preference,
                                PreferenceType.EXPLICIT.value(),
                                userId,
                                agentId,
                                appId,
                                conversationId,
                                info,
                                List.of(source),
                                time,
                                dateLabel));
                    }
                }
            }
        }
        index.write(withVectors(items), List.of());
        int added = (int) items.stream()
                .filter(item -> !item.kind().equals(StoredItem.MESSAGE))
                .count();
        return new FastResult(added, latest, allSources);
    }

    private StoredItem preferenceItem(
            String preference,
            String type,
            String userId,
            String agentId,
            String appId,
            String conversationId,
            Map<String, Object> info,
            List<Map<String, Object>> sources,
            long time,
            String dateLabel) {
        return new StoredItem(
                StoredItem.PREFERENCE,
                UUID.randomUUID().toString(),
                userId,
                agentId,
                appId,
                conversationId,
                preference,
                MemoryKeys.keyOf(preference),
                type,
                List.of(),
                info,
                sources,
                time,
                time,
                StoredItem.ACTIVATED,
                0.99,
                "",
                dateLabel,
                preference,
                seq.getAndIncrement());
    }

    private int writeFine(
            ExtractMemoryResponse result, String userId, String agentId, String conversationId, FastResult fast) {
        long time = fast.time().toEpochMilli();
        String dateLabel = ChatTimes.label(fast.time());
        Set<String> knownPreferences = existingPreferences(userId, agentId);
        List<StoredItem> items = new ArrayList<>();
        for (ExtractedMemory memory : result.memoryDetailList()) {
            if (memory.memoryValue().isBlank()) {
                continue;
            }
            List<String> tags = new ArrayList<>(memory.tags());
            tags.add(0, "mode:fine");
            String text = memory.memoryValue().strip();
            items.add(new StoredItem(
                    StoredItem.MEMORY,
                    UUID.randomUUID().toString(),
                    userId,
                    agentId,
                    "",
                    conversationId,
                    text,
                    memory.memoryKey().orElse(MemoryKeys.keyOf(text)),
                    memory.memoryType().orElse(MemoryType.LONG_TERM_MEMORY).value(),
                    tags,
                    Map.of(),
                    fast.sources(),
                    time,
                    time,
                    StoredItem.ACTIVATED,
                    0.99,
                    "",
                    dateLabel,
                    text,
                    seq.getAndIncrement()));
        }
        for (ExtractedPreference preference : result.preferenceDetailList()) {
            if (!preference.preference().isBlank() && knownPreferences.add(normalise(preference.preference()))) {
                items.add(preferenceItem(
                        preference.preference().strip(),
                        preference
                                .preferenceType()
                                .orElse(PreferenceType.IMPLICIT)
                                .value(),
                        userId,
                        agentId,
                        "",
                        conversationId,
                        Map.of(),
                        fast.sources(),
                        time,
                        dateLabel));
            }
        }
        index.write(withVectors(items), List.of());
        return items.size();
    }

    private List<MemoryIndex.IndexedItem> withVectors(List<StoredItem> items) {
        List<MemoryIndex.IndexedItem> indexed = new ArrayList<>(items.size());
        if (!embedder.enabled()) {
            for (StoredItem item : items) {
                indexed.add(new MemoryIndex.IndexedItem(item, null, null));
            }
            return indexed;
        }
        List<String> texts = new ArrayList<>();
        List<Integer> embeddedAt = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            StoredItem item = items.get(i);
            if (item.kind().equals(StoredItem.MESSAGE)) {
                continue; // raw messages are listed, never ranked
            }
            embeddedAt.add(i);
            texts.add(item.embeddingText());
            texts.add(item.context().equals(item.text()) ? item.embeddingText() : item.context());
        }
        List<float[]> vectors = embedder.embed(texts);
        float[][] first = new float[items.size()][];
        float[][] second = new float[items.size()][];
        for (int k = 0; k < embeddedAt.size(); k++) {
            first[embeddedAt.get(k)] = vectors.get(2 * k);
            second[embeddedAt.get(k)] = vectors.get(2 * k + 1);
        }
        for (int i = 0; i < items.size(); i++) {
            indexed.add(new MemoryIndex.IndexedItem(items.get(i), first[i], second[i]));
        }
        return indexed;
    }

    private static Map<String, Object> source(Message m, int index, String text, String conversationId) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "chat");
        source.put("role", m.role().value());
        source.put("content", text);
        m.chatTime().ifPresent(time -> source.put("chat_time", time));
        Object messageId = m.additionalProperties()
                .getOrDefault("message_id", m.additionalProperties().get("id"));
        if (messageId instanceof String || messageId instanceof Number) {
            source.put("message_id", String.valueOf(messageId));
        }
        source.put("message_index", index);
        source.put("conversation_id", conversationId);
        return source;
    }

    // The turn with its previous and next turn of the same request: short replies ("Yes, Saturday!") need them.
    private static String contextOf(List<Message> messages, List<Integer> turns, int t) {
        StringBuilder context = new StringBuilder();
        if (t > 0) {
            context.append(messages.get(turns.get(t - 1)).text().strip()).append('\n');
        }
        context.append(messages.get(turns.get(t)).text().strip());
        if (t + 1 < turns.size()) {
            context.append('\n').append(messages.get(turns.get(t + 1)).text().strip());
        }
        return context.toString();
    }

    // The message's "name" field, else a "Name: " prefix of its text, lower case; "" when unknown.
    private static String speakerOf(Message m, String text) {
        if (m.additionalProperties().get("name") instanceof String name && !name.isBlank()) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
        Matcher prefix = SPEAKER_PREFIX.matcher(text);
        return prefix.find() ? prefix.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private Set<String> existingPreferences(String userId, String agentId) {
        Set<String> known = new HashSet<>();
        for (StoredItem item :
                index.find(and(kind(StoredItem.PREFERENCE), subject(userId, agentId)), null, 0, 10_000)) {
            known.add(normalise(item.text()));
        }
        return known;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    // ---- search/memory ----

    /** Hybrid search of memories and preferences of one user or agent. */
    public SearchMemoryResponse search(SearchMemoryRequest request) {
        Query userFilter = FilterQueries.toQuery(request.filter().orElse(null));
        String userId = request.userId().orElse("");
        String agentId = request.agentId().orElse("");
        String conversationId = request.conversationId().orElse("");
        double threshold = request.relativity().orElse(0.0);
        Supplier<float[]> queryVector =
                embedder.enabled() && mode != RetrievalMode.LEXICAL ? embedInBackground(request.query()) : null;

        List<MemoryDetail> memories = new ArrayList<>();
        if (request.memoryLimitNumber() > 0) {
            Query filter = and(kind(StoredItem.MEMORY), subject(userId, agentId), activated(), userFilter);
            int limit = request.memoryLimitNumber();
            List<HybridRanker.Ranked> ranked = new ArrayList<>(index.read(
                    searcher -> ranker.rank(searcher, filter, request.query(), queryVector, conversationId, limit)));
            // The best of the union is among the best of each part.
            request.knowledgebaseIds()
                    .ifPresent(ids -> ranked.addAll(rankKnowledge(ids, request.query(), queryVector, limit)));
            ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
            for (HybridRanker.Ranked hit : ranked) {
                if (memories.size() >= request.memoryLimitNumber()) {
                    break;
                }
                if (hit.relevance() >= threshold) {
                    memories.add(toMemoryDetail(hit.item(), Optional.of(round(hit.relevance())), false));
                }
            }
        }
        List<PreferenceDetail> preferences = new ArrayList<>();
        if (request.includePreference() && request.preferenceLimitNumber() > 0) {
            Query filter = and(kind(StoredItem.PREFERENCE), subject(userId, agentId), activated(), userFilter);
            // Every ranked preference is kept: the unranked explicit ones below are told apart by id.
            List<HybridRanker.Ranked> ranked = index.read(searcher ->
                    ranker.rank(searcher, filter, request.query(), queryVector, conversationId, Integer.MAX_VALUE));
            Set<String> seen = new HashSet<>();
            for (HybridRanker.Ranked hit : ranked) {
                seen.add(hit.item().id());
            }
            // Every explicit preference is a candidate, even one sharing no word with the query.
            List<HybridRanker.Ranked> all = new ArrayList<>(ranked);
            for (StoredItem item : index.find(filter, null, 0, request.preferenceLimitNumber() + seen.size())) {
                if (!seen.contains(item.id())) {
                    all.add(new HybridRanker.Ranked(item, 0.0));
                }
            }
            for (HybridRanker.Ranked hit : all) {
                if (preferences.size() >= request.preferenceLimitNumber()) {
                    break;
                }
                boolean explicit = hit.item().type().contains("explicit");
                double relevance = explicit ? Math.max(PREFERENCE_FLOOR, hit.relevance()) : hit.relevance();
                if (relevance >= threshold) {
                    preferences.add(toPreferenceDetail(hit.item(), Optional.of(round(relevance)), false));
                }
            }
        }
        return new SearchMemoryResponse(
                memories,
                preferences,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.of(preferences.isEmpty() ? "" : PREFERENCE_NOTE),
                Map.of());
    }

    // Starts the query embedding now; the supplier waits for the unit-length vector (as the index stores).
    private Supplier<float[]> embedInBackground(String query) {
        CompletableFuture<float[]> vector =
                CompletableFuture.supplyAsync(() -> MemoryIndex.unitLength(embedder.embedQuery(query)), searchHelpers);
        return () -> LocalExecutor.await(vector);
    }

    private List<HybridRanker.Ranked> rankKnowledge(
            List<String> knowledgebaseIds, String query, Supplier<float[]> vector, int limit) {
        BooleanQuery.Builder bases = new BooleanQuery.Builder();
        if (!knowledgebaseIds.contains("all")) {
            for (String id : knowledgebaseIds) {
                bases.add(new TermQuery(new Term(MemoryIndex.F_TYPE, id)), BooleanClause.Occur.SHOULD);
            }
            bases.setMinimumNumberShouldMatch(1);
        } else {
            bases.add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        Query filter = and(kind(StoredItem.KB_CHUNK), bases.build());
        return index.read(searcher -> ranker.rank(searcher, filter, query, vector, "", limit));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    // ---- get/memory, get/memory/{id}, get/message ----

    /** One page per category, newest first; {@code total} is the largest category count. */
    public GetMemoryResponse getMemory(GetMemoryRequest request) {
        Query userFilter = FilterQueries.toQuery(request.filter().orElse(null));
        Query subject = subject(request.userId().orElse(""), request.agentId().orElse(""));
        Sort newestFirst = new Sort(
                new SortField(MemoryIndex.F_CREATE, SortField.Type.LONG, true),
                new SortField(MemoryIndex.F_SEQ, SortField.Type.LONG, true));
        int offset = (request.page() - 1) * request.size();
        Query memoryQuery = and(kind(StoredItem.MEMORY), subject, userFilter);
        List<MemoryDetail> memories = new ArrayList<>();
        for (StoredItem item : index.find(memoryQuery, newestFirst, offset, request.size())) {
            memories.add(toMemoryDetail(item, Optional.empty(), true));
        }
        int total = index.count(memoryQuery);
        List<PreferenceDetail> preferences = new ArrayList<>();
        if (request.includePreference()) {
            Query preferenceQuery = and(kind(StoredItem.PREFERENCE), subject, userFilter);
            for (StoredItem item : index.find(preferenceQuery, newestFirst, offset, request.size())) {
                preferences.add(toPreferenceDetail(item, Optional.empty(), true));
            }
            total = Math.max(total, index.count(preferenceQuery));
        }
        int pages = (total + request.size() - 1) / request.size();
        return new GetMemoryResponse(
                memories,
                preferences,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                total,
                request.size(),
                request.page(),
                pages,
                Map.of());
    }

    /** One memory (or preference, shown as a memory) by id. */
    public MemoryDetail getMemoryById(String memoryId) {
        StoredItem item = findMemory(memoryId);
        if (item.kind().equals(StoredItem.PREFERENCE)) {
            PreferenceDetail preference = toPreferenceDetail(item, Optional.empty(), true);
            return new MemoryDetail(
                    item.id(),
                    Optional.of(item.key()),
                    item.text(),
                    Optional.of(MemoryType.of("PreferenceMemory")),
                    preference.createTime(),
                    preference.updateTime(),
                    preference.conversationId(),
                    preference.status(),
                    Optional.of(item.confidence()),
                    item.tags(),
                    Optional.empty(),
                    item.sources(),
                    item.info(),
                    Map.of("preference_type", item.type()));
        }
        return toMemoryDetail(item, Optional.empty(), true);
    }

    private StoredItem findMemory(String memoryId) {
        Query byId = and(
                new TermQuery(new Term(MemoryIndex.F_ID, memoryId)),
                or(kind(StoredItem.MEMORY), kind(StoredItem.PREFERENCE)));
        return index.get(byId).orElseThrow(() -> notFound(40307, "memory not found: " + memoryId));
    }

    /** The most recent messages of a conversation, oldest first. */
    public GetMessageResponse getMessage(GetMessageRequest request) {
        int limit = request.messageLimitNumber().orElse(6);
        Query query = and(
                kind(StoredItem.MESSAGE),
                new TermQuery(new Term(MemoryIndex.F_USER, request.userId())),
                new TermQuery(new Term(MemoryIndex.F_CONVERSATION, request.conversationId())));
        List<StoredItem> newest =
                index.find(query, new Sort(new SortField(MemoryIndex.F_SEQ, SortField.Type.LONG, true)), 0, limit);
        List<MessageDetail> messages = new ArrayList<>();
        for (int i = newest.size() - 1; i >= 0; i--) {
            StoredItem item = newest.get(i);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("id", item.id());
            extra.put("conversation_id", item.conversationId());
            messages.add(new MessageDetail(
                    Role.of(item.type()),
                    item.text(),
                    Optional.of(Timestamp.ofEpochMillis(item.createTime())),
                    Optional.of(Timestamp.ofEpochMillis(item.updateTime())),
                    extra));
        }
        return new GetMessageResponse(messages, Map.of());
    }

    // ---- delete, update, feedback ----

    /** Deletes by ids, user, agent or filter, narrowed by {@code memory_type}. */
    public SuccessResponse delete(DeleteMemoryRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean wholeSubject = request.memoryIds().isEmpty() && request.filter().isEmpty();
        if (request.memoryType().isPresent()) {
            query.add(kind(StoredItem.MEMORY), BooleanClause.Occur.FILTER);
            query.add(
                    new TermQuery(
                            new Term(MemoryIndex.F_TYPE, request.memoryType().get())),
                    BooleanClause.Occur.FILTER);
        } else if (wholeSubject) {
            // Forgetting a user forgets the raw messages too.
            query.add(
                    or(kind(StoredItem.MEMORY), kind(StoredItem.PREFERENCE), kind(StoredItem.MESSAGE)),
                    BooleanClause.Occur.FILTER);
        } else {
            query.add(or(kind(StoredItem.MEMORY), kind(StoredItem.PREFERENCE)), BooleanClause.Occur.FILTER);
        }
        if (request.memoryIds().isPresent()) {
            BooleanQuery.Builder ids = new BooleanQuery.Builder();
            for (String id : request.memoryIds().get()) {
                ids.add(new TermQuery(new Term(MemoryIndex.F_ID, id)), BooleanClause.Occur.SHOULD);
            }
            query.add(ids.setMinimumNumberShouldMatch(1).build(), BooleanClause.Occur.FILTER);
        }
        request.userId()
                .ifPresent(u -> query.add(new TermQuery(new Term(MemoryIndex.F_USER, u)), BooleanClause.Occur.FILTER));
        request.agentId()
                .ifPresent(a -> query.add(new TermQuery(new Term(MemoryIndex.F_AGENT, a)), BooleanClause.Occur.FILTER));
        request.filter().ifPresent(f -> query.add(FilterQueries.toQuery(f), BooleanClause.Occur.FILTER));
        index.write(List.of(), List.of(query.build()));
        return SuccessResponse.ok();
    }

    /** Changes a memory's text (re-embedded), title or status. */
    public SuccessResponse update(UpdateMemoryRequest request) {
        StoredItem item = findMemory(request.memoryId());
        String text =
                request.content().filter(c -> !c.isBlank()).map(String::strip).orElse(item.text());
        String key = request.title()
                .filter(t -> !t.isBlank())
                .orElse(text.equals(item.text()) ? item.key() : MemoryKeys.keyOf(text));
        String status = request.status().filter(s -> !s.isBlank()).orElse(item.status());
        index.write(withVectors(List.of(item.withContent(text, key, status, clock.millis()))), List.of());
        return SuccessResponse.ok();
    }

    /**
     * Feedback is kept as a message and a searchable memory (tag {@code feedback}), preferences in it are
     * detected, and "replace X with Y" / "change X to Y" corrects the user's memories and preferences.
     */
    public TaskReceipt feedback(AddFeedbackRequest request) {
        String taskId = UUID.randomUUID().toString();
        Message message = Message.user(request.feedbackContent());
        if (request.feedbackTime().isPresent()) {
            message = message.withChatTime(request.feedbackTime().get());
        }
        AddMessageRequest.Builder asMessage = AddMessageRequest.builder()
                .userId(request.userId())
                .conversationId(request.conversationId().orElse("feedback"))
                .addMessage(message);
        request.appId().ifPresent(asMessage::appId);
        FastResult fast = writeFast(
                asMessage.build(),
                request.userId(),
                "",
                request.conversationId().orElse("feedback"),
                List.of("feedback"));
        int updated = 0;
        Matcher correction =
                KEYWORD_CORRECTION.matcher(request.feedbackContent().strip());
        if (correction.find()) {
            updated = replaceKeyword(
                    request.userId(),
                    correction.group(1).strip(),
                    correction.group(2).strip());
        }
        tasks.put(taskId, taskStatus(taskId, TaskStatus.COMPLETED, fast.added(), updated));
        return TaskReceipt.of(taskId, TaskStatus.COMPLETED);
    }

    private int replaceKeyword(String userId, String from, String to) {
        Pattern word = Pattern.compile("(?i)" + Pattern.quote(from));
        List<StoredItem> changed = new ArrayList<>();
        Query mine = and(
                or(kind(StoredItem.MEMORY), kind(StoredItem.PREFERENCE)),
                new TermQuery(new Term(MemoryIndex.F_USER, userId)));
        for (StoredItem item : index.find(mine, null, 0, 100_000)) {
            if (item.tags().contains("feedback") || !word.matcher(item.text()).find()) {
                continue;
            }
            String text = word.matcher(item.text()).replaceAll(Matcher.quoteReplacement(to));
            changed.add(item.withContent(text, MemoryKeys.keyOf(text), item.status(), clock.millis()));
        }
        if (!changed.isEmpty()) {
            index.write(withVectors(changed), List.of());
        }
        return changed.size();
    }

    // ---- status, extract, rerank ----

    /** The status of a task of this engine. */
    public TaskStatusResponse taskStatus(String taskId) {
        TaskStatusResponse status = tasks.get(taskId);
        if (status == null) {
            throw notFound(50131, "task not found: " + taskId);
        }
        return status;
    }

    private static TaskStatusResponse taskStatus(String taskId, TaskStatus status, int added, int updated) {
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("added", added);
        if (updated > 0) {
            views.put("updated", updated);
        }
        return new TaskStatusResponse(taskId, status, Optional.of(views), Map.of());
    }

    /** Extraction without storing. */
    public CompletableFuture<ExtractMemoryResponse> extract(List<Message> messages) {
        return extractor.extract(messages, clock.instant());
    }

    /** Orders documents by similarity to the query (cosine with the embedder, else term overlap). */
    public RerankResponse rerank(RerankRequest request) {
        List<String> documents = request.documents();
        double[] scores = new double[documents.size()];
        if (embedder.enabled() && !documents.isEmpty()) {
            float[] query = embedder.embedQuery(request.query());
            List<float[]> vectors = embedder.embed(documents);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (1.0 + org.apache.lucene.util.VectorUtil.cosine(query, vectors.get(i))) / 2.0;
            }
        } else {
            Set<String> queryTerms = terms(request.query());
            for (int i = 0; i < scores.length; i++) {
                Set<String> docTerms = terms(documents.get(i));
                long shared = queryTerms.stream().filter(docTerms::contains).count();
                scores[i] = queryTerms.isEmpty() ? 0.0 : (double) shared / queryTerms.size();
            }
        }
        List<RerankResult> results = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            results.add(new RerankResult(i, round(scores[i]), Optional.of(documents.get(i)), Map.of()));
        }
        results.sort((a, b) -> Double.compare(b.relevanceScore(), a.relevanceScore()));
        int topN = request.topN().orElse(results.size());
        return new RerankResponse(
                Optional.of("rerank-" + UUID.randomUUID()),
                results.subList(0, Math.min(topN, results.size())),
                Map.of());
    }

    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        try (var stream = index.analyzer().tokenStream(MemoryIndex.F_TEXT, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new MemosException("cannot analyse text: " + e.getMessage(), e);
        }
        return terms;
    }

    // ---- mapping and queries ----

    private static MemoryDetail toMemoryDetail(StoredItem item, Optional<Double> relativity, boolean listing) {
        return new MemoryDetail(
                item.id(),
                Optional.of(item.key()),
                item.text(),
                Optional.of(MemoryType.of(item.type())),
                Optional.of(Timestamp.ofEpochMillis(item.createTime())),
                Optional.of(Timestamp.ofEpochMillis(item.updateTime())),
                Optional.of(item.conversationId()),
                Optional.of(item.status()),
                Optional.of(item.confidence()),
                item.tags(),
                relativity,
                item.sources(),
                listing ? item.info() : Map.of(),
                Map.of());
    }

    private static PreferenceDetail toPreferenceDetail(StoredItem item, Optional<Double> relativity, boolean listing) {
        return new PreferenceDetail(
                item.id(),
                item.text(),
                Optional.of(PreferenceType.of(item.type())),
                Optional.of(item.type().contains("explicit") ? "stated by the user" : "inferred from the conversation"),
                Optional.of(Timestamp.ofEpochMillis(item.createTime())),
                Optional.of(Timestamp.ofEpochMillis(item.updateTime())),
                Optional.of(item.conversationId()),
                Optional.of(item.status()),
                relativity,
                item.sources(),
                listing ? item.info() : Map.of(),
                Map.of());
    }

    static Query kind(String kind) {
        return new TermQuery(new Term(MemoryIndex.F_KIND, kind));
    }

    private static Query activated() {
        return new TermQuery(new Term(MemoryIndex.F_STATUS, StoredItem.ACTIVATED));
    }

    // Isolation: a user's (or agent's) records only, as a filter clause of every query.
    static Query subject(String userId, String agentId) {
        return userId.isEmpty()
                ? new TermQuery(new Term(MemoryIndex.F_AGENT, agentId))
                : new TermQuery(new Term(MemoryIndex.F_USER, userId));
    }

    static Query and(Query... clauses) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            query.add(clause, BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    static Query or(Query... clauses) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            query.add(clause, BooleanClause.Occur.SHOULD);
        }
        return query.setMinimumNumberShouldMatch(1).build();
    }

    private static MemosServiceException notFound(int code, String message) {
        return MemosServiceException.of(404, code, message, null, null, null);
    }

    /** Writes knowledge-base chunks (for the knowledge-base endpoints). */
    void writeChunks(List<StoredItem> chunks, List<Query> deletes) {
        index.write(withVectors(chunks), deletes);
    }

    MemoryIndex index() {
        return index;
    }

    long nextSeq() {
        return seq.getAndIncrement();
    }

    long now() {
        return clock.millis();
    }

    @Override
    public void close() {
        searchHelpers.shutdown();
        index.close();
    }

    /** For diagnostics; holds no secrets. */
    @Override
    public String toString() {
        return "LocalEngine[" + index + "]";
    }

    static <K, V> Map<K, V> mutableMap() {
        return new HashMap<>();
    }
}
