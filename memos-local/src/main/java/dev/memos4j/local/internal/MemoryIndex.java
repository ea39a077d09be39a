package dev.memos4j.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * The Lucene index holding every record. Each write is committed before it returns, so an acknowledged
 * write survives a crash; readers see it at once. Thread-safe.
 */
public final class MemoryIndex implements AutoCloseable {

    static final String F_KIND = "kind";
    static final String F_ID = "id";
    static final String F_USER = "user_id";
    static final String F_AGENT = "agent_id";
    static final String F_APP = "app_id";
    static final String F_CONVERSATION = "conversation_id";
    static final String F_STATUS = "status";
    static final String F_TYPE = "memory_type";
    static final String F_SPEAKER = "speaker";
    static final String F_TAG = "tags";
    static final String F_INFO_PREFIX = "info.";
    static final String F_CREATE = "create_time";
    static final String F_UPDATE = "update_time";
    static final String F_SEQ = "seq";
    static final String F_TEXT = "text";
    static final String F_CONTEXT = "context";
    static final String F_VECTOR = "vector";
    static final String F_CONTEXT_VECTOR = "context_vector";
    static final String F_JSON = "json";
    // Column copies of the fields ranking reads per candidate, so ranking never decodes stored JSON.
    static final String F_SPEAKER_VALUE = "speaker.value";
    static final String F_CONVERSATION_VALUE = "conversation_id.value";
    private static final String EMBEDDER_KEY = "embedder";
    private static final String FORMAT_KEY = "format";
    // 2: unit-length vectors compared by dot product (a third of cosine's arithmetic in every HNSW visit),
    // speaker and conversation as doc values. Indexes without the key are format 1.
    private static final String FORMAT = "2";
    private static final int REINDEX_BATCH = 256;
    private static final double SEGMENTS_PER_TIER = 2;
    private static final double FLOOR_SEGMENT_MB = 64;

    private final Directory directory;
    private final Object writeLock = new Object();
    // Replaced when a failed write (a full disk) closed the writer: the next write opens a new one.
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile String writeProblem;
    private final Analyzer analyzer;
    private final String embedderName;
    private final String location;
    private volatile boolean outdated;

    private MemoryIndex(Directory directory, String location, String embedderName) throws IOException {
        this.directory = directory;
        this.location = location;
        this.embedderName = embedderName;
        this.analyzer = new EnglishAnalyzer();
        Map<String, String> recorded = recordedData(directory);
        checkEmbedder(directory, location, embedderName, recorded);
        try {
            this.writer = new IndexWriter(directory, writerConfig());
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new MemosException(
                    "data directory " + location
                            + " is in use by another process (or another LocalMemos in this one); close it first",
                    e);
        }
        this.outdated = recorded != null && !FORMAT.equals(recorded.get(FORMAT_KEY));
        Map<String, String> data = new HashMap<>(recorded == null ? Map.of() : recorded);
        data.put(EMBEDDER_KEY, embedderName);
        if (!outdated) {
            data.put(FORMAT_KEY, FORMAT); // an outdated index keeps its old format until reindex()
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        this.searchers = new SearcherManager(writer, null);
    }

    // Every vector search runs once per segment: few, large segments cost some merging while adding
    // (small next to embedding each memory) and save a vector search per segment on every query.
    private IndexWriterConfig writerConfig() {
        TieredMergePolicy merges =
                new TieredMergePolicy().setSegmentsPerTier(SEGMENTS_PER_TIER).setFloorSegmentMB(FLOOR_SEGMENT_MB);
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setMergePolicy(merges);
    }

    /** An index on a directory of the caller's, for tests that inject faults. */
    static MemoryIndex on(Directory directory, String embedderName) throws IOException {
        return new MemoryIndex(directory, "(test directory)", embedderName);
    }

    /** Opens (or creates) the index in {@code dataDirectory}. */
    public static MemoryIndex open(Path dataDirectory, String embedderName) {
        try {
            Files.createDirectories(dataDirectory);
            return new MemoryIndex(FSDirectory.open(dataDirectory), dataDirectory.toString(), embedderName);
        } catch (IOException e) {
            throw new MemosException("cannot open data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** An index in memory, gone when closed. */
    public static MemoryIndex inMemory(String embedderName) {
        try {
            return new MemoryIndex(new ByteBuffersDirectory(), "(in memory)", embedderName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The user data of the latest commit, or null when there is no index yet.
    private static Map<String, String> recordedData(Directory directory) throws IOException {
        return DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData()
                : null;
    }

    // Vectors of different models are not comparable: refuse to mix them in one index.
    private static void checkEmbedder(
            Directory directory, String location, String embedderName, Map<String, String> recorded)
            throws IOException {
        String model = recorded == null ? null : recorded.get(EMBEDDER_KEY);
        if (model != null && !model.equals(embedderName)) {
            directory.close();
            throw new MemosException("data directory " + location + " was indexed with embedder '" + model
                    + "'; open it with the same embedder (configured: '" + embedderName + "')");
        }
    }

    /** Whether the records were written in an older format and must be {@link #reindex re-indexed} before use. */
    boolean outdated() {
        return outdated;
    }

    /**
     * Rewrites every record in the current format, with the vectors {@code withVectors} gives, in a single
     * commit: a crash part-way leaves the old index as it was, to be re-indexed on the next open.
     *
     * @return the number of records rewritten
     */
    int reindex(Function<List<StoredItem>, List<IndexedItem>> withVectors) {
        List<StoredItem> all = find(new MatchAllDocsQuery(), null, 0, Math.max(1, count(new MatchAllDocsQuery())));
        try {
            writer.deleteAll(); // also forgets the old fields' schema, so they can be added anew
            for (int from = 0; from < all.size(); from += REINDEX_BATCH) {
                for (IndexedItem item :
                        withVectors.apply(all.subList(from, Math.min(all.size(), from + REINDEX_BATCH)))) {
                    writer.addDocument(toDocument(item));
                }
            }
            writer.setLiveCommitData(
                    Map.of(EMBEDDER_KEY, embedderName, FORMAT_KEY, FORMAT).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            outdated = false;
            return all.size();
        } catch (IOException | RuntimeException e) {
            // Nothing of the rewrite may reach a commit (close() commits): drop it, keep the old index.
            throw new MemosException(
                    "upgrading the local index failed, it was left as it was: " + e.getMessage(),
                    rolledBack(writer, e));
        }
    }

    /** The analyzer of the text fields, to analyze queries the same way. */
    Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Adds or replaces records (by id), deletes by query, and commits.
     *
     * @param items records to add or replace, each with its vectors (or none)
     * @param deletes queries whose matches are deleted first
     */
    void write(List<IndexedItem> items, List<Query> deletes) {
        synchronized (writeLock) {
            IndexWriter w = openWriter();
            try {
                for (Query delete : deletes) {
                    w.deleteDocuments(delete);
                }
                for (IndexedItem item : items) {
                    w.updateDocument(new Term(F_ID, item.item().id()), toDocument(item));
                }
                commit(w);
            } catch (IOException | AlreadyClosedException e) {
                throw unwritable(rolledBack(w, e));
            }
        }
    }

    /**
     * Adds or replaces (by id) the records of several independent writes, all in one commit: a group
     * commit, so that concurrent writes share one fsync. Either every group is committed or none is.
     *
     * @param groups the records of each write
     * @throws RejectedGroup when a group holds a record the index refuses (nothing is committed then)
     */
    void writeGroups(List<List<IndexedItem>> groups) {
        synchronized (writeLock) {
            IndexWriter w = openWriter();
            try {
                for (int g = 0; g < groups.size(); g++) {
                    try {
                        for (IndexedItem item : groups.get(g)) {
                            w.updateDocument(new Term(F_ID, item.item().id()), toDocument(item));
                        }
                    } catch (IllegalArgumentException | MemosException e) {
                        // Part of the group may be in the writer: drop every uncommitted change, so that
                        // the other groups can be written again without it.
                        throw new RejectedGroup(g, rolledBack(w, e));
                    }
                }
                commit(w);
            } catch (IOException | AlreadyClosedException e) {
                throw unwritable(rolledBack(w, e));
            }
        }
    }

    /** A group of {@link #writeGroups} holds a record the index refuses, such as a term too long to index. */
    static final class RejectedGroup extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int group;

        RejectedGroup(int group, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.group = group;
        }

        /** The index of the refused group. */
        int group() {
            return group;
        }
    }

    // A commit makes the writes durable (fsync); readers see them once refreshed.
    private void commit(IndexWriter w) throws IOException {
        w.commit();
        searchers.maybeRefreshBlocking();
        writeProblem = null;
    }

    // Nothing since the last commit is kept, so nothing acknowledged is lost; the next write opens a new
    // writer (Lucene closes the writer for good after, say, a full disk).
    private static <E extends Exception> E rolledBack(IndexWriter w, E e) {
        try {
            w.rollback();
        } catch (IOException | RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
        return e;
    }

    // The writer, reopened on the committed index when a failed write closed it.
    private IndexWriter openWriter() {
        if (writer.isOpen()) {
            return writer;
        }
        try {
            IndexWriter reopened = new IndexWriter(directory, writerConfig());
            SearcherManager previous = searchers;
            searchers = new SearcherManager(reopened, null);
            writer = reopened;
            previous.close();
            return reopened;
        } catch (IOException | RuntimeException e) {
            throw unwritable(e);
        }
    }

    private MemosServiceException unwritable(Exception e) {
        writeProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return MemosServiceException.of(
                503,
                50004,
                "the local index cannot write right now (" + writeProblem + "; for example a full disk): this"
                        + " write was not stored, earlier ones are safe; writes resume once the cause is cleared",
                null,
                null,
                null);
    }

    /** Why the last write failed (such as a full disk), or empty once writes succeed again. */
    Optional<String> writeProblem() {
        return Optional.ofNullable(writeProblem);
    }

    /**
     * Merges the whole index into one segment and commits it. Every vector search runs once per segment, so
     * after a bulk import one segment answers hybrid searches sooner (at 100k memories the part of a search
     * beside its query embedding went from 4.3-4.5 to 2.6-2.7 ms). Writes go on meanwhile and are merged by
     * later commits; a crash during the merge leaves the previous commit as it was.
     */
    void compact() {
        IndexWriter w;
        synchronized (writeLock) {
            w = openWriter();
        }
        try {
            w.forceMerge(1); // waits for the merge; adds and commits go on beside it
        } catch (IOException | AlreadyClosedException e) {
            // A failed write beside it rolls the writer back, which aborts the merge: nothing is lost.
            throw new MemosException(
                    "compacting the local index did not finish (" + e.getMessage()
                            + "); the index is as it was, run it again",
                    e);
        }
        synchronized (writeLock) {
            try {
                commit(openWriter());
            } catch (IOException | AlreadyClosedException e) {
                throw unwritable(e);
            }
        }
    }

    /** A record and its vectors (null when the embedder produces none). */
    record IndexedItem(StoredItem item, float[] vector, float[] contextVector) {}

    /** Runs {@code work} on a consistent snapshot of the index. */
    <T> T read(SearcherWork<T> work) {
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            return work.apply(searcher);
        } catch (IOException e) {
            throw new MemosException("local index read failed: " + e.getMessage(), e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    // Releasing a snapshot cannot lose data; the next refresh retries.
                }
            }
        }
    }

    /** Work on a searcher. */
    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The records matching {@code query}, in {@code sort} order, from {@code offset}, at most {@code limit}. */
    List<StoredItem> find(Query query, Sort sort, int offset, int limit) {
        return read(searcher -> {
            // In long arithmetic: a far page must find nothing, not overflow (Lucene caps n at the index size).
            int n = (int) Math.min(Integer.MAX_VALUE - 1L, Math.max(1L, (long) offset + limit));
            TopDocs top = sort == null ? searcher.search(query, n) : searcher.search(query, n, sort);
            List<StoredItem> found = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length && found.size() < limit; i++) {
                found.add(load(searcher, top.scoreDocs[i].doc));
            }
            return found;
        });
    }

    /** The offset of a 1-based page; beyond the range of an int it is the largest int (a page past the end). */
    static int offset(int page, int size) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0L, ((long) page - 1) * size));
    }

    /** The number of records matching {@code query}. */
    int count(Query query) {
        return read(searcher -> searcher.count(query));
    }

    /** The record with this id and kind, if any. */
    Optional<StoredItem> get(Query byId) {
        List<StoredItem> found = find(byId, null, 0, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static StoredItem load(IndexSearcher searcher, int doc) throws IOException {
        Document document = searcher.storedFields().document(doc, java.util.Set.of(F_JSON));
        return Json.MAPPER.readValue(document.getBinaryValue(F_JSON).bytes, StoredItem.class);
    }

    private static Document toDocument(IndexedItem indexed) {
        StoredItem item = indexed.item();
        Document doc = new Document();
        doc.add(new StringField(F_KIND, item.kind(), Field.Store.NO));
        doc.add(new StringField(F_ID, item.id(), Field.Store.NO));
        addKeyword(doc, F_USER, item.userId());
        addKeyword(doc, F_AGENT, item.agentId());
        addKeyword(doc, F_APP, item.appId());
        addKeyword(doc, F_CONVERSATION, item.conversationId());
        addKeyword(doc, F_STATUS, item.status());
        addKeyword(doc, F_TYPE, item.type());
        addKeyword(doc, F_SPEAKER, item.speaker());
        doc.add(new SortedDocValuesField(F_SPEAKER_VALUE, new BytesRef(item.speaker())));
        doc.add(new SortedDocValuesField(F_CONVERSATION_VALUE, new BytesRef(item.conversationId())));
        for (String tag : item.tags()) {
            addKeyword(doc, F_TAG, tag);
        }
        for (Map.Entry<String, Object> entry : item.info().entrySet()) {
            if (entry.getValue() instanceof String
                    || entry.getValue() instanceof Number
                    || entry.getValue() instanceof Boolean) {
                addKeyword(doc, F_INFO_PREFIX + entry.getKey(), String.valueOf(entry.getValue()));
            }
        }
        doc.add(new LongPoint(F_CREATE, item.createTime()));
        doc.add(new NumericDocValuesField(F_CREATE, item.createTime()));
        doc.add(new LongPoint(F_UPDATE, item.updateTime()));
        doc.add(new NumericDocValuesField(F_SEQ, item.seq()));
        doc.add(new TextField(F_TEXT, item.text(), Field.Store.NO));
        doc.add(new TextField(F_CONTEXT, item.context(), Field.Store.NO));
        if (indexed.vector() != null) {
            doc.add(new KnnFloatVectorField(
                    F_VECTOR, unitLength(indexed.vector()), VectorSimilarityFunction.DOT_PRODUCT));
        }
        if (indexed.contextVector() != null) {
            doc.add(new KnnFloatVectorField(
                    F_CONTEXT_VECTOR, unitLength(indexed.contextVector()), VectorSimilarityFunction.DOT_PRODUCT));
        }
        try {
            doc.add(new StoredField(F_JSON, Json.MAPPER.writeValueAsBytes(item)));
        } catch (JsonProcessingException e) {
            throw new MemosException("cannot serialise record " + item.id(), e);
        }
        return doc;
    }

    /**
     * A copy of {@code vector} scaled to length 1, so a dot product is its cosine; an all-zero vector stays
     * zero (similar to nothing) instead of failing.
     */
    static float[] unitLength(float[] vector) {
        return VectorUtil.l2normalize(vector.clone(), false);
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    /** Commits and releases the directory and its lock. */
    @Override
    public void close() {
        try {
            searchers.close();
            if (writer.isOpen()) { // not after a rolled-back upgrade
                writer.commit();
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new MemosException("closing the local index failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MemoryIndex[" + location + ", embedder=" + embedderName + "]";
    }
}
