package dev.memos4j.testkit;

import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
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
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.SuccessResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.TaskStatusResponse;
import dev.memos4j.client.model.Timestamp;
import dev.memos4j.client.model.UpdateMemoryRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The fake's memory service: each non-blank user message becomes a memory of every user (or agent) of its
 * add, a search scores memories by the share of their words found in the query, and memories are listed
 * (newest first), fetched, updated and deleted like the service does. Simple on purpose: tests should be able to predict it.
 */
final class MemoryStore {

    /** A memory and whom it belongs to. */
    private record Stored(String userId, String agentId, MemoryDetail memory) {}

    /** A preference and its user. */
    private record StoredPreference(String userId, PreferenceDetail preference) {}

    /** A message and its conversation. */
    private record StoredMessage(String userId, String conversationId, MessageDetail message) {}

    private final Clock clock;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Stored> memories = new ArrayList<>();
    private final List<StoredPreference> preferences = new ArrayList<>();
    private final List<StoredMessage> messages = new ArrayList<>();
    private final Set<String> tasks = new HashSet<>();

    MemoryStore(Clock clock) {
        this.clock = clock;
    }

    synchronized TaskReceipt add(AddMessageRequest request) {
        String conversation = request.conversationId().orElseGet(() -> "conversation-" + ids.incrementAndGet());
        Timestamp now = Timestamp.of(clock.instant());
        List<String> users = request.userIds().isEmpty() ? List.of("") : request.userIds();
        List<String> agents = request.agentIds().isEmpty() ? List.of("") : request.agentIds();
        Map<String, Object> info = request.info().orElse(Map.of());
        for (String user : users) {
            for (Message message : request.messages()) {
                messages.add(new StoredMessage(
                        user,
                        conversation,
                        new MessageDetail(message.role(), message.text(), Optional.of(now), null, null)));
            }
            for (String agent : agents) {
                for (Message message : request.messages()) {
                    if (Role.USER.equals(message.role()) && !message.text().isBlank()) {
                        memories.add(new Stored(user, agent, memory(message.text(), now, conversation, info)));
                    }
                }
            }
        }
        String task = "task-" + ids.incrementAndGet();
        tasks.add(task);
        return TaskReceipt.of(task, TaskStatus.COMPLETED);
    }

    synchronized MemoryDetail remember(String userId, String text, Instant time) {
        MemoryDetail memory = memory(text, Timestamp.of(time), null, Map.of());
        memories.add(new Stored(userId, "", memory));
        return memory;
    }

    synchronized PreferenceDetail prefer(String userId, String text, Instant time) {
        PreferenceDetail preference = new PreferenceDetail(
                "pref-" + ids.incrementAndGet(),
                text,
                null,
                null,
                Optional.of(Timestamp.of(time)),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        preferences.add(new StoredPreference(userId, preference));
        return preference;
    }

    synchronized List<MemoryDetail> memoriesOf(String userId) {
        return memories.stream()
                .filter(s -> s.userId().equals(userId))
                .map(Stored::memory)
                .toList();
    }

    synchronized SearchMemoryResponse search(SearchMemoryRequest request) {
        Set<String> queryWords = words(request.query());
        List<MemoryDetail> hits = new ArrayList<>();
        for (Stored stored : memories) {
            if (!belongs(stored, request.userId(), request.agentId())) {
                continue;
            }
            Set<String> memoryWords = words(stored.memory().text());
            long shared = memoryWords.stream().filter(queryWords::contains).count();
            double score = memoryWords.isEmpty() ? 0 : (double) shared / memoryWords.size();
            if (score >= request.relativity().orElse(0.0)) {
                hits.add(withRelativity(stored.memory(), score));
            }
        }
        hits.sort(Comparator.comparingDouble((MemoryDetail m) -> m.relativity().orElse(0.0))
                .reversed());
        List<PreferenceDetail> prefs = request.includePreference()
                ? preferences.stream()
                        .filter(p -> request.userId().map(p.userId()::equals).orElse(false))
                        .map(StoredPreference::preference)
                        .limit(request.preferenceLimitNumber())
                        .toList()
                : List.of();
        return SearchMemoryResponse.of(
                hits.stream().limit(request.memoryLimitNumber()).toList(), prefs);
    }

    synchronized GetMemoryResponse list(GetMemoryRequest request) {
        // Newest first, as the service lists: by create_time, then the later stored.
        List<MemoryDetail> all = new ArrayList<>(memories.stream()
                .filter(s -> belongs(s, request.userId(), request.agentId()))
                .map(Stored::memory)
                .toList());
        Collections.reverse(all);
        all.sort(Comparator.comparing(
                (MemoryDetail m) -> m.createTime().flatMap(Timestamp::toInstant).orElse(Instant.MIN),
                Comparator.reverseOrder()));
        int from = Math.min(all.size(), (request.page() - 1) * request.size());
        List<MemoryDetail> page = all.subList(from, Math.min(all.size(), from + request.size()));
        int pages = (all.size() + request.size() - 1) / request.size();
        return new GetMemoryResponse(
                List.copyOf(page),
                null,
                null,
                null,
                null,
                null,
                all.size(),
                request.size(),
                request.page(),
                pages,
                null);
    }

    synchronized MemoryDetail byId(String memoryId) {
        return memories.stream()
                .map(Stored::memory)
                .filter(m -> m.id().equals(memoryId))
                .findFirst()
                .orElseThrow(() -> notFound("memory " + memoryId));
    }

    synchronized SuccessResponse update(UpdateMemoryRequest request) {
        for (int i = 0; i < memories.size(); i++) {
            Stored stored = memories.get(i);
            MemoryDetail m = stored.memory();
            if (m.id().equals(request.memoryId())) {
                MemoryDetail updated = new MemoryDetail(
                        m.id(),
                        request.title().or(m::memoryKey),
                        request.content().orElse(m.memoryValue()),
                        m.memoryType(),
                        m.createTime(),
                        Optional.of(Timestamp.of(clock.instant())),
                        m.conversationId(),
                        request.status().or(m::status),
                        m.confidence(),
                        m.tags(),
                        m.relativity(),
                        m.sources(),
                        m.info(),
                        m.additionalProperties());
                memories.set(i, new Stored(stored.userId(), stored.agentId(), updated));
                return SuccessResponse.ok();
            }
        }
        throw notFound("memory " + request.memoryId());
    }

    synchronized SuccessResponse delete(DeleteMemoryRequest request) {
        if (request.filter().isPresent()) {
            throw new MemosUnsupportedOperationException(
                    "delete/memory by filter", "FakeMemosClient does not evaluate filters; script it instead");
        }
        Set<String> ids = new HashSet<>(request.memoryIds().orElse(List.of()));
        memories.removeIf(s -> ids.contains(s.memory().id())
                || request.userId().map(s.userId()::equals).orElse(false)
                || request.agentId().map(s.agentId()::equals).orElse(false));
        return SuccessResponse.ok();
    }

    synchronized GetMessageResponse messages(GetMessageRequest request) {
        List<MessageDetail> found = messages.stream()
                .filter(m -> m.userId().equals(request.userId())
                        && m.conversationId().equals(request.conversationId()))
                .map(StoredMessage::message)
                .toList();
        int limit = request.messageLimitNumber().orElse(found.size());
        return new GetMessageResponse(found.subList(Math.max(0, found.size() - limit), found.size()), null);
    }

    synchronized TaskStatusResponse status(String taskId) {
        if (!tasks.contains(taskId)) {
            throw notFound("task " + taskId);
        }
        return new TaskStatusResponse(taskId, TaskStatus.COMPLETED, Optional.empty(), null);
    }

    private static boolean belongs(Stored stored, Optional<String> userId, Optional<String> agentId) {
        return userId.isPresent()
                ? stored.userId().equals(userId.get())
                : stored.agentId().equals(agentId.orElse(""));
    }

    private MemoryDetail memory(String text, Timestamp time, String conversationId, Map<String, Object> info) {
        return new MemoryDetail(
                "mem-" + ids.incrementAndGet(),
                null,
                text,
                Optional.of(MemoryType.LONG_TERM_MEMORY),
                Optional.of(time),
                null,
                Optional.ofNullable(conversationId),
                Optional.of("activated"),
                null,
                null,
                null,
                null,
                info,
                null);
    }

    private static MemoryDetail withRelativity(MemoryDetail m, double score) {
        return new MemoryDetail(
                m.id(),
                m.memoryKey(),
                m.memoryValue(),
                m.memoryType(),
                m.createTime(),
                m.updateTime(),
                m.conversationId(),
                m.status(),
                m.confidence(),
                m.tags(),
                Optional.of(score),
                m.sources(),
                m.info(),
                m.additionalProperties());
    }

    private static MemosServiceException notFound(String what) {
        return MemosServiceException.of(404, null, what + " not found", "fake-request", null, null);
    }

    /** Lower-case words of three letters or more. */
    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }
}
