package dev.memos4j.local.internal;

import static dev.memos4j.local.internal.FilterQueries.and;
import static dev.memos4j.local.internal.FilterQueries.kind;
import static dev.memos4j.local.internal.FilterQueries.or;
import static dev.memos4j.local.internal.FilterQueries.subject;
import static dev.memos4j.local.internal.RecordViews.notFound;
import static dev.memos4j.local.internal.RecordViews.toMemoryDetail;
import static dev.memos4j.local.internal.RecordViews.toPreferenceDetail;

import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.GetMessageResponse;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.MessageDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.Role;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.Timestamp;
import dev.memos4j.client.model.UpdateMemoryRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/** Operations on stored records: listing, lookup by id, messages, delete, update and feedback. */
final class RecordOperations {

    private final RecordStore store;
    private final MemoryIndex index;
    private final IngestPipeline ingest;
    private final TaskTable tasks;

    RecordOperations(RecordStore store, IngestPipeline ingest, TaskTable tasks) {
        this.store = store;
        this.index = store.index();
        this.ingest = ingest;
        this.tasks = tasks;
    }

    /** One page per category, newest first; {@code total} is the largest category count. */
    GetMemoryResponse getMemory(GetMemoryRequest request) {
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
    MemoryDetail getMemoryById(String memoryId) {
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
    GetMessageResponse getMessage(GetMessageRequest request) {
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

    /** Deletes by ids, user, agent or filter, narrowed by {@code memory_type}. */
    SuccessResponse delete(DeleteMemoryRequest request) {
        // A filter only narrows: one without conditions is not "everything" but a mistake.
        if (request.filter().filter(Map::isEmpty).isPresent()) {
            throw new IllegalArgumentException("filter must hold at least one condition to delete by");
        }
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
        store.write(List.of(), List.of(query.build()));
        return SuccessResponse.ok();
    }

    /** Changes a memory's text (re-embedded), title or status. */
    SuccessResponse update(UpdateMemoryRequest request) {
        StoredItem item = findMemory(request.memoryId());
        String text =
                request.content().filter(c -> !c.isBlank()).map(String::strip).orElse(item.text());
        String key = request.title()
                .filter(t -> !t.isBlank())
                .orElse(text.equals(item.text()) ? item.key() : MemoryKeys.keyOf(text));
        String status = request.status().filter(s -> !s.isBlank()).orElse(item.status());
        store.write(List.of(item.withContent(text, key, status, store.now())), List.of());
        return SuccessResponse.ok();
    }

    /**
     * Feedback is kept as a message and a searchable memory (tag {@code feedback}), preferences in it are
     * detected, and "replace X with Y" / "change X to Y" corrects the user's memories and preferences.
     */
    TaskReceipt feedback(AddFeedbackRequest request) {
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
        IngestPipeline.FastResult fast = ingest.writeFast(
                asMessage.build(),
                request.userId(),
                "",
                request.conversationId().orElse("feedback"),
                List.of("feedback"));
        int updated = 0;
        Optional<KeywordCorrection> correction = KeywordCorrection.find(request.feedbackContent());
        if (correction.isPresent()) {
            updated = replaceKeyword(
                    request.userId(), correction.get().from(), correction.get().to());
        }
        tasks.put(taskId, TaskStatus.COMPLETED, fast.added(), updated);
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
            changed.add(item.withContent(text, MemoryKeys.keyOf(text), item.status(), store.now()));
        }
        if (!changed.isEmpty()) {
            store.write(changed, List.of());
        }
        return changed.size();
    }
}
