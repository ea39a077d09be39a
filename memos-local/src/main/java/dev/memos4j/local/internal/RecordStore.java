package dev.memos4j.local.internal;

import dev.memos4j.local.Embedder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
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
    private final ReentrantLock[] subjectLocks = new ReentrantLock[64];

    RecordStore(MemoryIndex index, Embedder embedder, Clock clock) {
        this.index = index;
        this.embedder = embedder;
        this.clock = clock;
        for (int i = 0; i < subjectLocks.length; i++) {
            subjectLocks[i] = new ReentrantLock();
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

    /** Adds (or replaces by id) the records of several writes, already embedded, in one commit. */
    void writeGroups(List<List<MemoryIndex.IndexedItem>> groups) {
        index.writeGroups(groups);
    }

    /** The key of a subject's lock, for {@link #forSubjects}. */
    static int subjectKey(String userId, String agentId) {
        return Objects.hash(userId, agentId);
    }

    /**
     * Runs {@code work} holding the locks of these subjects (see {@link #subjectKey}), so a check of what is
     * stored and the write that depends on it are not interleaved with another write of the same subjects.
     */
    <T> T forSubjects(Collection<Integer> subjects, Supplier<T> work) {
        // Taken in one order by everyone, so two writers of overlapping subjects cannot deadlock.
        SortedSet<Integer> stripes = new TreeSet<>();
        for (int subject : subjects) {
            stripes.add(Math.floorMod(subject, subjectLocks.length));
        }
        records.readLock().lock();
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        try {
            for (int stripe : stripes) {
                subjectLocks[stripe].lock();
                held.add(subjectLocks[stripe]);
            }
            return work.get();
        } finally {
            for (ReentrantLock lock : held) {
                lock.unlock();
            }
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
        return withVectorsGrouped(List.of(items)).get(0);
    }

    /**
     * Like {@link #withVectors} for the records of several writes, embedded in one model call; a text that
     * several records share is embedded once.
     */
    List<List<MemoryIndex.IndexedItem>> withVectorsGrouped(List<List<StoredItem>> groups) {
        Map<String, Integer> textIndex = new LinkedHashMap<>();
        if (embedder.enabled()) {
            for (List<StoredItem> items : groups) {
                for (StoredItem item : items) {
                    if (!item.kind().equals(StoredItem.MESSAGE)) { // raw messages are listed, never ranked
                        textIndex.putIfAbsent(item.embeddingText(), textIndex.size());
                        textIndex.putIfAbsent(contextText(item), textIndex.size());
                    }
                }
            }
        }
        List<String> texts = new ArrayList<>(textIndex.keySet());
        // The bundled models run on this machine's CPU, which searches get first.
        List<float[]> vectors = texts.isEmpty()
                ? List.of()
                : embedder instanceof OnnxEmbedder onnx ? onnx.embedForWrite(texts) : embedder.embed(texts);
        List<List<MemoryIndex.IndexedItem>> indexed = new ArrayList<>(groups.size());
        for (List<StoredItem> items : groups) {
            List<MemoryIndex.IndexedItem> group = new ArrayList<>(items.size());
            for (StoredItem item : items) {
                boolean embedded = embedder.enabled() && !item.kind().equals(StoredItem.MESSAGE);
                group.add(new MemoryIndex.IndexedItem(
                        item,
                        embedded ? vectors.get(textIndex.get(item.embeddingText())) : null,
                        embedded ? vectors.get(textIndex.get(contextText(item))) : null));
            }
            indexed.add(group);
        }
        return indexed;
    }

    private static String contextText(StoredItem item) {
        return item.context().equals(item.text()) ? item.embeddingText() : item.context();
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
