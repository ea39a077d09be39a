package dev.memos4j.local.internal;

import static dev.memos4j.local.internal.FilterQueries.and;
import static dev.memos4j.local.internal.FilterQueries.kind;
import static dev.memos4j.local.internal.FilterQueries.subject;

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
import dev.memos4j.local.MemoryExtractor;
import java.time.Instant;
import java.util.ArrayList;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write side of {@code add/message}: the "fast" stage (each message kept verbatim, one memory per
 * turn, explicit preferences by rules) now, and the extractor's "fine" stage in the background.
 */
final class IngestPipeline {

    private static final Pattern SPEAKER_PREFIX =
            Pattern.compile("^([\\p{Lu}][\\p{L}.'-]*(?: [\\p{Lu}][\\p{L}.'-]*){0,2}):\\s");

    private final RecordStore store;
    private final MemoryIndex index;
    private final MemoryExtractor extractor;
    private final boolean fineStage;
    private final Executor executor;
    private final TaskTable tasks;

    IngestPipeline(RecordStore store, MemoryExtractor extractor, Executor executor, TaskTable tasks) {
        this.store = store;
        this.index = store.index();
        this.extractor = extractor == null ? MemoryExtractor.ruleBased() : extractor;
        this.fineStage = extractor != null;
        this.executor = executor;
        this.tasks = tasks;
    }

    /** Fast stage now (one memory per turn, rule-based preferences); fine stage in the background if configured. */
    CompletableFuture<TaskReceipt> addMessage(AddMessageRequest request) {
        String taskId = UUID.randomUUID().toString();
        String userId = request.userId().orElse("");
        String agentId = request.agentId().orElse("");
        String conversationId = request.conversationId().orElseGet(() -> "conv-" + UUID.randomUUID());
        FastResult fast = writeFast(request, userId, agentId, conversationId, List.of());
        if (!fineStage) {
            tasks.put(taskId, TaskStatus.COMPLETED, fast.added(), 0);
            return CompletableFuture.completedFuture(TaskReceipt.of(taskId, TaskStatus.COMPLETED));
        }
        tasks.put(taskId, TaskStatus.RUNNING, fast.added(), 0);
        CompletableFuture<TaskReceipt> fine = extractor
                .extract(request.messages(), fast.time())
                .thenApplyAsync(result -> writeFine(result, userId, agentId, conversationId, fast), executor)
                .handle((added, failure) -> {
                    TaskStatus status = failure == null ? TaskStatus.COMPLETED : TaskStatus.FAILED;
                    tasks.put(taskId, status, fast.added() + (added == null ? 0 : added), 0);
                    return TaskReceipt.of(taskId, status);
                });
        return request.asyncMode()
                ? CompletableFuture.completedFuture(TaskReceipt.of(taskId, TaskStatus.RUNNING))
                : fine;
    }

    record FastResult(int added, Instant time, List<Map<String, Object>> sources) {}

    FastResult writeFast(
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
                    store.nextSeq()));
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
        store.write(items, List.of());
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
                store.nextSeq());
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
                    store.nextSeq()));
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
        store.write(items, List.of());
        return items.size();
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

    /** Extraction without storing. */
    CompletableFuture<ExtractMemoryResponse> extract(List<Message> messages) {
        return extractor.extract(messages, store.clock().instant());
    }
}
