package dev.memos4j.local.internal;

import static dev.memos4j.local.internal.FilterQueries.activated;
import static dev.memos4j.local.internal.FilterQueries.and;
import static dev.memos4j.local.internal.FilterQueries.keywordIs;
import static dev.memos4j.local.internal.FilterQueries.kind;

import dev.memos4j.client.errors.MemosException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.VectorUtil;

/**
 * Finds the memory a new one repeats: a memory of the same user and agent, app and tags, activated, whose
 * text is the same once normalised (case, punctuation, spacing), or whose embedding has a cosine of at
 * least {@link #SAME_MEANING} with the new one's and whose numbers are the same.
 */
final class NearDuplicates {

    /**
     * The cosine (of the stored "[date] text" embeddings) from which two memories say the same. Measured
     * with {@code benchmarks.jar duplicates} on labelled pairs with bge-small-en-v1.5: the closest pair that
     * must stay apart and has the same numbers ("I lent Tom $50" / "Tom lent me $50") is at 0.974, so only
     * rewordings closer than any such pair merge (12 of 32 rewordings are, none of 45 distinct pairs).
     */
    static final double SAME_MEANING = 0.98;

    /** A memory repeated often keeps its newest sources only, so a record does not grow without bound. */
    static final int MAX_SOURCES = 20;

    private static final int CANDIDATES = 10;
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int MAX_QUERY_TERMS = 64;

    private NearDuplicates() {}

    /** The text for comparing: lower case, letters and digits, single spaces. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Whether {@code b} repeats {@code a}: same owner and tags, and the same text or meaning. */
    static boolean repeats(MemoryIndex.IndexedItem a, MemoryIndex.IndexedItem b) {
        return sameOwnerAndTags(a.item(), b.item())
                && (normalise(a.item().text()).equals(normalise(b.item().text()))
                        || a.vector() != null
                                && b.vector() != null
                                && sameNumbers(a.item().text(), b.item().text())
                                && VectorUtil.cosine(a.vector(), b.vector()) >= SAME_MEANING);
    }

    /** {@code existing}, told again by {@code repeat}: its sources appended, its update time moved on. */
    static MemoryIndex.IndexedItem merged(MemoryIndex.IndexedItem existing, StoredItem repeat) {
        StoredItem item = existing.item();
        List<Map<String, Object>> sources = new ArrayList<>(item.sources());
        sources.addAll(repeat.sources());
        if (sources.size() > MAX_SOURCES) {
            sources = sources.subList(sources.size() - MAX_SOURCES, sources.size());
        }
        return new MemoryIndex.IndexedItem(
                item.repeated(sources, Math.max(item.updateTime(), repeat.updateTime())),
                existing.vector(),
                existing.contextVector());
    }

    /** The stored memory {@code memory} repeats, with its vectors, if any; the closest one when several do. */
    static Optional<MemoryIndex.IndexedItem> stored(MemoryIndex index, MemoryIndex.IndexedItem memory) {
        StoredItem item = memory.item();
        Query sameOwner = and(
                kind(StoredItem.MEMORY),
                activated(),
                keywordIs(MemoryIndex.F_USER, item.userId()),
                keywordIs(MemoryIndex.F_AGENT, item.agentId()),
                keywordIs(MemoryIndex.F_APP, item.appId()));
        Query words = wordsOf(item.text(), index.analyzer());
        String text = normalise(item.text());
        return index.read(searcher -> {
            // doc -> cosine with the new memory, or NaN for a candidate found by its words only
            Map<Integer, Double> candidates = new LinkedHashMap<>();
            if (memory.vector() != null) {
                float[] vector = MemoryIndex.unitLength(memory.vector());
                for (ScoreDoc hit : searcher.search(
                                new KnnFloatVectorQuery(MemoryIndex.F_VECTOR, vector, CANDIDATES, sameOwner),
                                CANDIDATES)
                        .scoreDocs) {
                    candidates.put(hit.doc, 2.0 * hit.score - 1.0); // dot-product score = (1 + cosine) / 2
                }
            }
            if (words != null) {
                Query byWords = new BooleanQuery.Builder()
                        .add(words, BooleanClause.Occur.MUST)
                        .add(sameOwner, BooleanClause.Occur.FILTER)
                        .build();
                for (ScoreDoc hit : searcher.search(byWords, CANDIDATES).scoreDocs) {
                    candidates.putIfAbsent(hit.doc, Double.NaN);
                }
            }
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            StoredItem bestItem = null;
            for (Map.Entry<Integer, Double> candidate : candidates.entrySet()) {
                StoredItem stored = MemoryIndex.load(searcher, candidate.getKey());
                if (!sameOwnerAndTags(item, stored)) {
                    continue;
                }
                double score = normalise(stored.text()).equals(text)
                        ? 2.0
                        : sameNumbers(item.text(), stored.text()) ? candidate.getValue() : Double.NaN;
                if (score >= SAME_MEANING && score > bestScore) {
                    best = candidate.getKey();
                    bestScore = score;
                    bestItem = stored;
                }
            }
            if (bestItem == null) {
                return Optional.empty();
            }
            return Optional.of(new MemoryIndex.IndexedItem(
                    bestItem,
                    vectorOf(searcher, best, MemoryIndex.F_VECTOR),
                    vectorOf(searcher, best, MemoryIndex.F_CONTEXT_VECTOR)));
        });
    }

    // Embeddings barely see numbers ("line 1" / "line 2" are at 0.99): texts whose numbers differ (or come in
    // another order: "thread 0 line 2" / "thread 2 line 0") never merge by meaning.
    static boolean sameNumbers(String a, String b) {
        return numbers(a).equals(numbers(b));
    }

    private static List<String> numbers(String text) {
        return NUMBER.matcher(text).results().map(MatchResult::group).toList();
    }

    private static boolean sameOwnerAndTags(StoredItem a, StoredItem b) {
        return a.kind().equals(b.kind())
                && a.userId().equals(b.userId())
                && a.agentId().equals(b.agentId())
                && a.appId().equals(b.appId())
                && Set.copyOf(a.tags()).equals(Set.copyOf(b.tags()));
    }

    // The text's terms as a BM25 query (an exact repeat is among its best hits), or null when it has none.
    private static Query wordsOf(String text, Analyzer analyzer) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream stream = analyzer.tokenStream(MemoryIndex.F_TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms < MAX_QUERY_TERMS) {
                query.add(new TermQuery(new Term(MemoryIndex.F_TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                terms++;
            }
            stream.end();
        } catch (IOException e) {
            throw new MemosException("cannot analyse text: " + e.getMessage(), e);
        }
        return terms == 0 ? null : query.build();
    }

    private static float[] vectorOf(IndexSearcher searcher, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(field);
        int local = doc - leaf.docBase;
        return vectors != null && vectors.advance(local) == local
                ? vectors.vectorValue().clone()
                : null;
    }
}
