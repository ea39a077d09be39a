package dev.memos4j.local.internal;

import static dev.memos4j.local.internal.FilterQueries.and;
import static dev.memos4j.local.internal.FilterQueries.kind;
import static dev.memos4j.local.internal.FilterQueries.subject;

import dev.memos4j.local.IngestMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes new records without repeats: a preference the user already has is skipped and, unless every turn
 * is kept, a memory that repeats one of the user's (stored, or written by an earlier write of the same
 * commit) is folded into it (see {@link NearDuplicates}). The check and the write hold the subjects' locks,
 * so concurrent writes cannot both add the same memory.
 */
final class DistinctWrites {

    private final RecordStore store;
    private final MemoryIndex index;
    private final IngestMode mode;

    DistinctWrites(RecordStore store, IngestMode mode) {
        this.store = store;
        this.index = store.index();
        this.mode = mode;
    }

    /** The records of one write, all of one subject, with their vectors. */
    record Group(String userId, String agentId, List<MemoryIndex.IndexedItem> items) {
        String subject() {
            return userId + '\u0000' + agentId;
        }
    }

    // Where a memory about to be written sits: which group, which position.
    private record Slot(int group, int position) {}

    /** Writes one group, committed; a record the index refuses fails it with IllegalArgumentException. */
    IngestPipeline.Counts writeOne(Group group) {
        try {
            return write(List.of(group)).get(0);
        } catch (MemoryIndex.RejectedGroup e) {
            throw new IllegalArgumentException(e.getMessage(), e.getCause());
        }
    }

    /**
     * Writes every group in one commit.
     *
     * @return what each group added and updated, in order
     * @throws MemoryIndex.RejectedGroup when a group holds a record the index refuses; nothing is written
     */
    List<IngestPipeline.Counts> write(List<Group> groups) {
        Set<Integer> subjects = new HashSet<>();
        for (Group group : groups) {
            subjects.add(RecordStore.subjectKey(group.userId(), group.agentId()));
        }
        return store.forSubjects(subjects, () -> {
            Map<String, Set<String>> knownPreferences = new HashMap<>();
            Map<String, List<Slot>> pendingMemories = new HashMap<>();
            List<List<MemoryIndex.IndexedItem>> toWrite = new ArrayList<>();
            List<IngestPipeline.Counts> counts = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                Set<String> known = knownPreferences.computeIfAbsent(
                        group.subject(), s -> existingPreferences(group.userId(), group.agentId()));
                List<Slot> pending = pendingMemories.computeIfAbsent(group.subject(), s -> new ArrayList<>());
                List<MemoryIndex.IndexedItem> out = new ArrayList<>();
                toWrite.add(out);
                int added = 0;
                int updated = 0;
                for (MemoryIndex.IndexedItem next : group.items()) {
                    StoredItem item = next.item();
                    if (item.kind().equals(StoredItem.PREFERENCE)) {
                        if (known.add(NearDuplicates.normalise(item.text()))) {
                            out.add(next);
                            added++;
                        }
                        continue;
                    }
                    boolean memory = item.kind().equals(StoredItem.MEMORY);
                    if (memory && mode == IngestMode.DISTINCT_FACTS) {
                        Optional<Slot> earlier = repeated(pending, toWrite, next);
                        if (earlier.isPresent()) {
                            List<MemoryIndex.IndexedItem> holder =
                                    toWrite.get(earlier.get().group());
                            int at = earlier.get().position();
                            holder.set(at, NearDuplicates.merged(holder.get(at), item));
                            // A repeat within one write is not counted; of an earlier write, it updates.
                            updated += earlier.get().group() == g ? 0 : 1;
                            continue;
                        }
                        Optional<MemoryIndex.IndexedItem> stored = NearDuplicates.stored(index, next);
                        if (stored.isPresent()) {
                            pending.add(new Slot(g, out.size()));
                            out.add(NearDuplicates.merged(stored.get(), item));
                            updated++;
                            continue;
                        }
                        pending.add(new Slot(g, out.size()));
                    }
                    if (!item.kind().equals(StoredItem.MESSAGE)) {
                        added++;
                    }
                    out.add(next);
                }
                counts.add(new IngestPipeline.Counts(added, updated));
            }
            store.writeGroups(toWrite);
            return counts;
        });
    }

    private static Optional<Slot> repeated(
            List<Slot> pending, List<List<MemoryIndex.IndexedItem>> toWrite, MemoryIndex.IndexedItem memory) {
        for (Slot slot : pending) {
            if (NearDuplicates.repeats(toWrite.get(slot.group()).get(slot.position()), memory)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    private Set<String> existingPreferences(String userId, String agentId) {
        Set<String> known = new HashSet<>();
        for (StoredItem item :
                index.find(and(kind(StoredItem.PREFERENCE), subject(userId, agentId)), null, 0, 10_000)) {
            known.add(NearDuplicates.normalise(item.text()));
        }
        return known;
    }
}
