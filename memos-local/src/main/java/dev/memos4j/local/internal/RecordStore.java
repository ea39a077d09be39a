package dev.memos4j.local.internal;

import dev.memos4j.local.Embedder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

    RecordStore(MemoryIndex index, Embedder embedder, Clock clock) {
        this.index = index;
        this.embedder = embedder;
        this.clock = clock;
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
