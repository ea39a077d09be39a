package dev.memos4j.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

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
    private static final String EMBEDDER_KEY = "embedder";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final String embedderName;

    private MemoryIndex(Directory directory, String location, String embedderName) throws IOException {
        this.directory = directory;
        this.embedderName = embedderName;
        this.analyzer = new EnglishAnalyzer();
        checkEmbedder(directory, location, embedderName);
        IndexWriterConfig config =
                new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        try {
            this.writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new MemosException(
                    "data directory " + location
                            + " is in use by another process (or another LocalMemos in this one); close it first",
                    e);
        }
        writer.setLiveCommitData(Map.of(EMBEDDER_KEY, embedderName).entrySet());
        writer.commit();
        this.searchers = new SearcherManager(writer, null);
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

    // Vectors of different models are not comparable: refuse to mix them in one index.
    private static void checkEmbedder(Directory directory, String location, String embedderName) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        String recorded = SegmentInfos.readLatestCommit(directory).getUserData().get(EMBEDDER_KEY);
        if (recorded != null && !recorded.equals(embedderName)) {
            directory.close();
            throw new MemosException("data directory " + location + " was indexed with embedder '" + recorded
                    + "'; open it with the same embedder (configured: '" + embedderName + "')");
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
        try {
            for (Query delete : deletes) {
                writer.deleteDocuments(delete);
            }
            for (IndexedItem item : items) {
                writer.updateDocument(new Term(F_ID, item.item().id()), toDocument(item));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new MemosException("local index write failed: " + e.getMessage(), e);
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
            int n = Math.max(1, offset + limit);
            TopDocs top = sort == null ? searcher.search(query, n) : searcher.search(query, n, sort);
            List<StoredItem> found = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length && found.size() < limit; i++) {
                found.add(load(searcher, top.scoreDocs[i].doc));
            }
            return found;
        });
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
            doc.add(new KnnFloatVectorField(F_VECTOR, indexed.vector(), VectorSimilarityFunction.COSINE));
        }
        if (indexed.contextVector() != null) {
            doc.add(new KnnFloatVectorField(
                    F_CONTEXT_VECTOR, indexed.contextVector(), VectorSimilarityFunction.COSINE));
        }
        try {
            doc.add(new StoredField(F_JSON, Json.MAPPER.writeValueAsBytes(item)));
        } catch (JsonProcessingException e) {
            throw new MemosException("cannot serialise record " + item.id(), e);
        }
        return doc;
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    /** Groups doc ids by the leaf they live in (for reading vectors leaf by leaf). */
    static Map<Integer, List<Integer>> byLeaf(Collection<Integer> docs, IndexSearcher searcher) {
        Map<Integer, List<Integer>> grouped = new HashMap<>();
        var leaves = searcher.getIndexReader().leaves();
        for (int doc : docs) {
            int leaf = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
            grouped.computeIfAbsent(leaf, k -> new ArrayList<>()).add(doc);
        }
        return grouped;
    }

    /** Unused-score helper: doc ids of a top list. */
    static List<Integer> docs(ScoreDoc[] hits) {
        List<Integer> docs = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            docs.add(hit.doc);
        }
        return docs;
    }

    /** Commits and releases the directory and its lock. */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.commit();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new MemosException("closing the local index failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MemoryIndex[" + directory + ", embedder=" + embedderName + "]";
    }
}
