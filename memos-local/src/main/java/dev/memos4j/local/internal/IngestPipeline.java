package dev.memos4j.local.internal;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.ExtractedMemory;
import dev.memos4j.client.model.ExtractedPreference;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceType;
import dev.memos4j.client.model.Role;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.local.IngestMode;
import dev.memos4j.local.MemoryExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write side of {@code add/message}: the "fast" stage (each message kept verbatim, one memory per
 * turn, explicit preferences by rules) now, and the extractor's "fine" stage in the background.
 */
final class IngestPipeline implements AutoCloseable {

    private static final Pattern SPEAKER_PREFIX =
            Pattern.compile("^([\\p{Lu}][\\p{L}.'-]*(?: [\\p{Lu}][\\p{L}.'-]*){0,2}):\\s");

    // Enough adds for one model call and one commit; more wait for the next batch.
    private static final int MAX_BATCH = 128;

    private final RecordStore store;
    private final DistinctWrites distinct;
    private final IngestQueue<QueuedAdd> queue;
    private final MemoryExtractor extractor;
    private final boolean fineStage;
    private final Executor executor;
    private final TaskTable tasks;
    private final IngestMode mode;

    IngestPipeline(RecordStore store, MemoryExtractor extractor, Executor executor, TaskTable tasks, IngestMode mode) {
        this.store = store;
        this.extractor = extractor == null ? MemoryExtractor.ruleBased() : extractor;
        this.fineStage = extractor != null;
        this.executor = executor;
        this.tasks = tasks;
        this.mode = mode;
        this.distinct = new DistinctWrites(store, mode);
        this.queue = new IngestQueue<>(this::embedBatch, this::writeBatch, MAX_BATCH, executor);
    }

    /**
     * Fast stage now (one memory per turn, rule-based preferences); fine stage in the background if
     * configured. The add waits for the ingest thread, which writes it with the other adds waiting then, in
     * one commit.
     */
    CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request) {
        String taskId = UUID.randomUUID().toString();
        String userId = request.userId().orElse("");
        String agentId = request.agentId().orElse("");
        String conversationId = request.conversationId().orElseGet(() -> "conv-" + UUID.randomUUID());
        QueuedAdd add = new QueuedAdd(request, userId, agentId, conversationId);
        queue.submit(add);
        return add.result().thenCompose(fast -> afterFast(taskId, request, userId, agentId, conversationId, fast));
    }

    private CompletableFuture<TaskReceipt> afterFast(
            String taskId,
            AddMessageRequest request,
            String userId,
            String agentId,
            String conversationId,
            FastResult fast) {
        if (!fineStage) {
            tasks.put(
                    taskId,
                    TaskStatus.COMPLETED,
                    fast.counts().added(),
                    fast.counts().updated());
            return CompletableFuture.completedFuture(TaskReceipt.of(taskId, TaskStatus.COMPLETED));
        }
        tasks.put(
                taskId, TaskStatus.RUNNING, fast.counts().added(), fast.counts().updated());
        CompletableFuture<TaskReceipt> fine = extractor
                .extract(request.messages(), fast.time())
                .thenApplyAsync(result -> writeFine(result, userId, agentId, conversationId, fast), executor)
                .handle((written, failure) -> {
                    TaskStatus status = failure == null ? TaskStatus.COMPLETED : TaskStatus.FAILED;
                    Counts all = written == null ? fast.counts() : fast.counts().plus(written);
                    tasks.put(taskId, status, all.added(), all.updated());
                    return TaskReceipt.of(taskId, status);
                });
        return request.asyncMode()
                ? CompletableFuture.completedFuture(TaskReceipt.of(taskId, TaskStatus.RUNNING))
                : fine;
    }

    /** An add waiting for the ingest: its records once made, then embedded. */
    private static final class QueuedAdd extends IngestQueue.Job<FastResult> {
        final AddMessageRequest request;
        final String userId;
        final String agentId;
        final String conversationId;
        Prepared prepared;
        DistinctWrites.Group group;

        QueuedAdd(AddMessageRequest request, String userId, String agentId, String conversationId) {
            this.request = request;
            this.userId = userId;
            this.agentId = agentId;
            this.conversationId = conversationId;
        }
    }

    /**
     * Makes the records of a batch of adds and embeds their texts in one model call. An add whose records
     * cannot be made fails alone.
     *
     * @return the adds ready to be written
     */
    private List<QueuedAdd> embedBatch(List<QueuedAdd> batch) {
        List<QueuedAdd> adds = new ArrayList<>();
        List<List<StoredItem>> items = new ArrayList<>();
        for (QueuedAdd add : batch) {
            try {
                add.prepared = prepareFast(add.request, add.userId, add.agentId, add.conversationId, List.of());
                items.add(add.prepared.items());
                adds.add(add);
            } catch (RuntimeException e) {
                add.fail(e);
            }
        }
        try {
            List<List<MemoryIndex.IndexedItem>> embedded = store.withVectorsGrouped(items);
            for (int i = 0; i < adds.size(); i++) {
                QueuedAdd add = adds.get(i);
                add.group = new DistinctWrites.Group(add.userId, add.agentId, embedded.get(i));
            }
            return adds;
        } catch (RuntimeException e) {
            adds.forEach(add -> add.fail(e));
            return List.of();
        }
    }

    /**
     * Writes embedded adds in one commit. An add whose records the index refuses fails alone; a failed
     * commit (such as a full disk) fails every add it held, none of which is then stored.
     */
    private void writeBatch(List<QueuedAdd> batch) {
        List<QueuedAdd> adds = new ArrayList<>(batch);
        while (!adds.isEmpty()) {
            try {
                List<Counts> counts =
                        distinct.write(adds.stream().map(add -> add.group).toList());
                for (int i = 0; i < adds.size(); i++) {
                    adds.get(i).succeed(adds.get(i).prepared.result(counts.get(i)));
                }
                return;
            } catch (MemoryIndex.RejectedGroup e) {
                // Written again without the add the index refused; nothing was committed.
                adds.remove(e.group())
                        .fail(new IllegalArgumentException("this add was not stored: " + e.getMessage(), e.getCause()));
            } catch (RuntimeException e) {
                adds.forEach(add -> add.fail(e));
                return;
            }
        }
    }

    /** What a write did: memories and preferences added, stored memories refreshed by a repeat. */
    record Counts(int added, int updated) {
        Counts plus(Counts other) {
            return new Counts(added + other.added, updated + other.updated);
        }
    }

    record FastResult(Counts counts, Instant time, List<Map<String, Object>> sources) {}

    /** The records of a fast stage, not yet written. */
    record Prepared(List<StoredItem> items, Instant time, List<Map<String, Object>> sources) {
        FastResult result(Counts counts) {
            return new FastResult(counts, time, sources);
        }
    }

    /** The fast stage of one request, written (and committed) on the calling thread. */
    FastResult writeFast(
            AddMessageRequest request, String userId, String agentId, String conversationId, List<String> extraTags) {
        Prepared prepared = prepareFast(request, userId, agentId, conversationId, extraTags);
        return prepared.result(storeDistinct(prepared.items(), userId, agentId));
    }

    private Prepared prepareFast(
            AddMessageRequest request, String userId, String agentId, String conversationId, List<String> extraTags) {
        long now = store.now();
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
                    store.nextSeq()));
            boolean user = Role.USER.equals(m.role());
            List<String> preferences = user ? RuleBasedExtractor.explicitPreferences(text) : List.of();
            // A question to the assistant stays a message; a turn that is all preference is kept as one, once.
            boolean noFact = user && (AskOnlyTurns.onlyAsks(text) || onlyPreferences(text, preferences));
            if (mode == IngestMode.EVERY_TURN || !noFact) {
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
                        store.nextSeq()));
            }
            if (user) {
                for (String preference : preferences) {
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
        return new Prepared(items, latest, allSources);
    }

    /** Embeds and writes {@code items} without repeats (see {@link DistinctWrites}), committed. */
    private Counts storeDistinct(List<StoredItem> items, String userId, String agentId) {
        return distinct.writeOne(new DistinctWrites.Group(userId, agentId, store.withVectors(items)));
    }

    private static boolean onlyPreferences(String text, List<String> preferences) {
        return !preferences.isEmpty()
                && NearDuplicates.normalise(String.join(" ", preferences)).equals(NearDuplicates.normalise(text));
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
                store.nextSeq());
    }

    private Counts writeFine(
            ExtractMemoryResponse result, String userId, String agentId, String conversationId, FastResult fast) {
        long time = fast.time().toEpochMilli();
        String dateLabel = ChatTimes.label(fast.time());
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
                    store.nextSeq()));
        }
        for (ExtractedPreference preference : result.preferenceDetailList()) {
            if (!preference.preference().isBlank()) {
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
        return storeDistinct(items, userId, agentId);
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

    /** Writes the adds queued, then stops the ingest thread; later adds fail. */
    @Override
    public void close() {
        queue.close();
    }

    /** Extraction without storing. */
    CompletableFuture<ExtractMemoryResponse> extract(List<Message> messages) {
        return extractor.extract(messages, store.clock().instant());
    }
}
