package dev.memos4j.local.internal;

import dev.memos4j.local.Embedder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index with what every write needs: the embedder (records are embedded as they are written), the
 * clock and the insertion sequence. Upgrades an index of an older format once, when opened.
 */
final class RecordStore {

    private static final Logger LOG = LoggerFactory.getLogger(RecordStore.class);

    private final MemoryIndex index;
    private final Embedder embedder;
    private final Clock clock;
    private final AtomicLong seq;
    // Subject-level writes (ingest) share the read side; deletes and updates take the write side.
    private final ReadWriteLock records = new ReentrantReadWriteLock();
    private final Object[] subjectLocks = new Object[64];

    RecordStore(MemoryIndex index, Embedder embedder, Clock clock) {
        this.index = index;
        this.embedder = embedder;
        this.clock = clock;
        for (int i = 0; i < subjectLocks.length; i++) {
            subjectLocks[i] = new Object();
        }
        if (index.outdated()) {
            LOG.info("{}: upgrading the stored records to the current index format (once)", index);
            int records = index.reindex(this::withVectors);
            LOG.info("{}: upgraded {} records", index, records);
        }
        this.seq = new AtomicLong(lastSeq() + 1);
    }

    private long lastSeq() {
        List<StoredItem> last = index.find(
                new MatchAllDocsQuery(), new Sort(new SortField(MemoryIndex.F_SEQ, SortField.Type.LONG, true)), 0, 1);
        return last.isEmpty() ? 0 : last.get(0).seq();
    }

    /** Embeds {@code items} (messages are not embedded), then adds them and applies {@code deletes}, committed. */
    void write(List<StoredItem> items, List<Query> deletes) {
        index.write(withVectors(items), deletes);
    }

    /** Adds (or replaces by id) records already embedded, committed. */
    void writeEmbedded(List<MemoryIndex.IndexedItem> items) {
        index.write(items, List.of());
    }

    /**
     * Runs {@code work} holding the lock of one subject (user and agent), so a check of what is stored and
     * the write that depends on it are not interleaved with another write of that subject.
     */
    <T> T forSubject(String userId, String agentId, Supplier<T> work) {
        Object stripe = subjectLocks[Math.floorMod(Objects.hash(userId, agentId), subjectLocks.length)];
        records.readLock().lock();
        try {
            synchronized (stripe) {
                return work.get();
            }
        } finally {
            records.readLock().unlock();
        }
    }

    /** Runs {@code work} with no subject's write in progress: for reads-then-writes across subjects. */
    <T> T exclusively(Supplier<T> work) {
        records.writeLock().lock();
        try {
            return work.get();
        } finally {
            records.writeLock().unlock();
        }
    }

    /** The records with their vectors (none for raw messages, which are listed, never ranked). */
    List<MemoryIndex.IndexedItem> withVectors(List<StoredItem> items) {
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

    MemoryIndex index() {
        return index;
    }

    Embedder embedder() {
        return embedder;
    }

    Clock clock() {
        return clock;
    }

    long now() {
        return clock.millis();
    }

    long nextSeq() {
        return seq.getAndIncrement();
    }
}
