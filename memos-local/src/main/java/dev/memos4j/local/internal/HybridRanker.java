package dev.memos4j.local.internal;

import dev.memos4j.local.RetrievalMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.VectorUtil;

/**
 * Ranks the records matching a filter for a query: BM25 over the text and over the text with its
 * neighbouring turns, cosine similarity of the query vector to both stored vectors, each signal min-max
 * normalised over the candidates and mixed linearly (this beat reciprocal rank fusion in measurements),
 * then soft boosts for the speaker a query names and for the current conversation. The filter is a
 * clause of every query, so isolation never depends on post-filtering a global top-k.
 */
final class HybridRanker {

    /** A ranked record with its relevance 0..1. */
    record Ranked(StoredItem item, double relevance) {}

    /** Tunable weights; {@link #DEFAULTS} are the measured best. */
    record Weights(
            double lexical,
            double contextVector,
            double contextTextBoost,
            double speakerBoost,
            double conversationBoost,
            int candidates) {}

    static final Weights DEFAULTS = new Weights(0.3, 0.5, 0.5, 0.15, 0.05, 200);

    // A few everyday words whose synonyms rarely co-occur with them in notes ("weekend" vs "Saturday").
    private static final Map<String, List<String>> EXPANSIONS = Map.ofEntries(
            Map.entry("weekend", List.of("saturday", "sunday")),
            Map.entry("weekends", List.of("saturday", "sunday")),
            Map.entry("family", List.of("wife", "husband", "child", "children", "kids", "son", "daughter", "partner")),
            Map.entry("kids", List.of("children", "child", "son", "daughter")),
            Map.entry("children", List.of("kids", "child", "son", "daughter")),
            Map.entry("spouse", List.of("wife", "husband", "partner")),
            Map.entry("housework", List.of("chores", "cleaning", "laundry", "dishes")),
            Map.entry("chores", List.of("housework", "cleaning", "laundry", "dishes")));
    private static final double EXPANSION_BOOST = 0.5;

    private final Analyzer analyzer;
    private final Weights weights;
    private final RetrievalMode mode;

    HybridRanker(Analyzer analyzer, Weights weights, RetrievalMode mode) {
        this.analyzer = analyzer;
        this.weights = weights;
        this.mode = mode;
    }

    /**
     * The matching records, best first.
     *
     * @param filter restricts the candidates (subject, kind, user filter)
     * @param queryVector the query's vector, or null for lexical ranking
     * @param conversationId the conversation to favour, or ""
     */
    List<Ranked> rank(IndexSearcher searcher, Query filter, String query, float[] queryVector, String conversationId)
            throws IOException {
        boolean useLexical = mode != RetrievalMode.DENSE || queryVector == null;
        boolean useDense = mode != RetrievalMode.LEXICAL && queryVector != null;

        Map<Integer, double[]> signals = new HashMap<>(); // doc -> {bm25, cos(text), cos(context)}
        Query lexical = useLexical ? lexicalQuery(query, filter) : null;
        if (lexical != null) {
            for (ScoreDoc hit : searcher.search(lexical, weights.candidates()).scoreDocs) {
                signals.computeIfAbsent(hit.doc, d -> new double[3])[0] = hit.score;
            }
        }
        if (useDense) {
            for (String field : List.of(MemoryIndex.F_VECTOR, MemoryIndex.F_CONTEXT_VECTOR)) {
                KnnFloatVectorQuery knn = new KnnFloatVectorQuery(field, queryVector, weights.candidates(), filter);
                for (ScoreDoc hit : searcher.search(knn, weights.candidates()).scoreDocs) {
                    signals.computeIfAbsent(hit.doc, d -> new double[3]);
                }
            }
            exactCosines(searcher, queryVector, signals);
        }
        if (signals.isEmpty()) {
            return List.of();
        }

        double[] lexicalRange = range(signals, 0, 1.0, 0.0);
        double[] denseRange = range(signals, -1, 1.0 - weights.contextVector(), weights.contextVector());
        Set<String> namedSpeakers = new HashSet<>();
        List<StoredItem> items = new ArrayList<>(signals.size());
        List<Integer> docs = new ArrayList<>(signals.keySet());
        for (int doc : docs) {
            StoredItem item = MemoryIndex.load(searcher, doc);
            items.add(item);
            if (!item.speaker().isEmpty() && mentions(query, item.speaker())) {
                namedSpeakers.add(item.speaker());
            }
        }

        double lexicalWeight = !useDense ? 1.0 : lexical == null ? 0.0 : weights.lexical();
        List<Ranked> ranked = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            double[] s = signals.get(docs.get(i));
            double score = lexicalWeight * normalise(s[0], lexicalRange);
            if (useDense) {
                double dense = (1.0 - weights.contextVector()) * s[1] + weights.contextVector() * s[2];
                score += (1.0 - lexicalWeight) * normalise(dense, denseRange);
            }
            StoredItem item = items.get(i);
            if (!namedSpeakers.isEmpty()) {
                double match = namedSpeakers.contains(item.speaker()) ? 1.0 : 0.0;
                score = score * (1.0 - weights.speakerBoost()) + weights.speakerBoost() * match;
            }
            if (!conversationId.isEmpty()) {
                double match = conversationId.equals(item.conversationId()) ? 1.0 : 0.0;
                score = score * (1.0 - weights.conversationBoost()) + weights.conversationBoost() * match;
            }
            ranked.add(new Ranked(item, Math.max(0.0, Math.min(1.0, score))));
        }
        ranked.sort((a, b) -> Double.compare(b.relevance(), a.relevance()));
        return ranked;
    }

    /** BM25 over the text and (boosted lower) the text with its neighbours; null when no term survives analysis. */
    Query lexicalQuery(String query, Query filter) throws IOException {
        Set<String> terms = analyze(query);
        Set<String> expansions = new LinkedHashSet<>();
        for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            for (String synonym : EXPANSIONS.getOrDefault(word, List.of())) {
                expansions.addAll(analyze(synonym));
            }
        }
        expansions.removeAll(terms);
        if (terms.isEmpty() && expansions.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            addTerm(builder, term, 1.0f);
        }
        for (String term : expansions) {
            addTerm(builder, term, (float) EXPANSION_BOOST);
        }
        builder.add(filter, BooleanClause.Occur.FILTER);
        return builder.build();
    }

    private void addTerm(BooleanQuery.Builder builder, String term, float boost) {
        builder.add(
                new BoostQuery(new TermQuery(new Term(MemoryIndex.F_TEXT, term)), boost), BooleanClause.Occur.SHOULD);
        builder.add(
                new BoostQuery(
                        new TermQuery(new Term(MemoryIndex.F_CONTEXT, term)),
                        boost * (float) weights.contextTextBoost()),
                BooleanClause.Occur.SHOULD);
    }

    private Set<String> analyze(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(MemoryIndex.F_TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    // Exact cosines for every candidate, read leaf by leaf in doc order.
    private static void exactCosines(IndexSearcher searcher, float[] query, Map<Integer, double[]> signals)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (Map.Entry<Integer, List<Integer>> group :
                MemoryIndex.byLeaf(signals.keySet(), searcher).entrySet()) {
            LeafReaderContext leaf = leaves.get(group.getKey());
            List<Integer> docs = group.getValue();
            docs.sort(null);
            readCosines(leaf, MemoryIndex.F_VECTOR, docs, query, signals, 1);
            readCosines(leaf, MemoryIndex.F_CONTEXT_VECTOR, docs, query, signals, 2);
        }
    }

    private static void readCosines(
            LeafReaderContext leaf,
            String field,
            List<Integer> docs,
            float[] query,
            Map<Integer, double[]> signals,
            int slot)
            throws IOException {
        LeafReader reader = leaf.reader();
        FloatVectorValues vectors = reader.getFloatVectorValues(field);
        if (vectors == null) {
            return;
        }
        for (int doc : docs) {
            int local = doc - leaf.docBase;
            if (vectors.docID() > local) {
                continue;
            }
            if (vectors.docID() == local || vectors.advance(local) == local) {
                signals.get(doc)[slot] = VectorUtil.cosine(query, vectors.vectorValue());
            }
        }
    }

    // min and max of a signal over the candidates; slot -1 means the mixed dense signal.
    private static double[] range(Map<Integer, double[]> signals, int slot, double textWeight, double contextWeight) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] s : signals.values()) {
            double value = slot >= 0 ? s[slot] : textWeight * s[1] + contextWeight * s[2];
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new double[] {min, max};
    }

    private static double normalise(double value, double[] range) {
        double span = range[1] - range[0];
        if (span <= 1e-12) {
            return range[1] > 0 ? 1.0 : 0.0;
        }
        return (value - range[0]) / span;
    }

    // Whether the query names the speaker as a word ("What did Caroline ..." names "caroline").
    private static boolean mentions(String query, String speaker) {
        String lower = query.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(speaker);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
            int end = at + speaker.length();
            boolean endOk = end >= lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = lower.indexOf(speaker, at + 1);
        }
        return false;
    }
}
