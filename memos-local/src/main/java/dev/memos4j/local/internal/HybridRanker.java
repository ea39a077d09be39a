package dev.memos4j.local.internal;

import dev.memos4j.local.RetrievalMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ObjDoubleConsumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.VectorUtil;

/**
 * Ranks the records matching a filter for a query: BM25 over the text and over the text with its
 * neighbouring turns, cosine similarity of the query vector to both stored vectors, each signal min-max
 * normalised over the candidates and mixed linearly (this beat reciprocal rank fusion in measurements),
 * then soft boosts for the speaker a query names and for the current conversation. Every candidate search
 * applies the filter before it takes its top k, so isolation never depends on post-filtering a global
 * top-k.
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
            int lexicalCandidates,
            int vectorCandidates) {}

    // Vector candidates beyond 50 per field changed no LoCoMo recall figure; each one costs HNSW visits.
    static final Weights DEFAULTS = new Weights(0.3, 0.5, 0.5, 0.15, 0.05, 200, 50);

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
    private final Executor helper;

    /**
     * A ranker.
     *
     * @param helper runs one of the two vector searches of a query; given only tasks that never wait
     */
    HybridRanker(Analyzer analyzer, Weights weights, RetrievalMode mode, Executor helper) {
        this.analyzer = analyzer;
        this.weights = weights;
        this.mode = mode;
        this.helper = helper;
    }

    /**
     * The best matching records, best first. Candidates are scored from the index's postings, vectors and
     * doc values alone; only the {@code limit} best are decoded into records.
     *
     * @param filter restricts the candidates (subject, kind, user filter)
     * @param queryVector gives the query's vector at unit length, or is null for lexical ranking; asked for
     *     only after the lexical search, so a vector still being computed elsewhere overlaps with it
     * @param conversationId the conversation to favour, or ""
     * @param limit how many records to return at most
     */
    List<Ranked> rank(
            IndexSearcher searcher,
            Query filter,
            String query,
            Supplier<float[]> queryVector,
            String conversationId,
            int limit)
            throws IOException {
        if (limit <= 0) {
            return List.of();
        }
        boolean useLexical = mode != RetrievalMode.DENSE || queryVector == null;
        boolean useDense = mode != RetrievalMode.LEXICAL && queryVector != null;

        Map<Integer, Candidate> byDoc = new HashMap<>();
        BooleanQuery lexical = useLexical ? lexicalQuery(query) : null;
        if (lexical != null) {
            for (ScoreDoc hit : lexicalHits(searcher, lexical, filter, weights.lexicalCandidates())) {
                byDoc.computeIfAbsent(hit.doc, Candidate::new).lexical = hit.score;
            }
        }
        float[] vector = useDense ? queryVector.get() : null;
        if (useDense) {
            // The two vector fields are searched at once, one on a helper thread: each search is a leaf task.
            CompletableFuture<ScoreDoc[]> byText =
                    CompletableFuture.supplyAsync(() -> knn(searcher, MemoryIndex.F_VECTOR, vector, filter), helper);
            ScoreDoc[] byContext;
            try {
                byContext = knn(searcher, MemoryIndex.F_CONTEXT_VECTOR, vector, filter);
            } catch (RuntimeException e) {
                byText.handle((hits, failure) -> null).join(); // the searcher must outlive the helper's search
                throw e;
            }
            for (ScoreDoc hit : byContext) {
                byDoc.computeIfAbsent(hit.doc, Candidate::new);
            }
            for (ScoreDoc hit : join(byText)) {
                byDoc.computeIfAbsent(hit.doc, Candidate::new);
            }
        }
        if (byDoc.isEmpty()) {
            return List.of();
        }
        Candidate[] candidates = byDoc.values().toArray(new Candidate[0]);
        Arrays.sort(candidates, Comparator.comparingInt(c -> c.doc));
        readColumns(searcher, candidates, vector);

        double[] lexicalRange = range(candidates, c -> c.lexical);
        double[] denseRange = range(candidates, this::dense);
        Set<String> namedSpeakers = new HashSet<>();
        for (Candidate c : candidates) {
            if (!c.speaker.isEmpty() && mentions(query, c.speaker)) {
                namedSpeakers.add(c.speaker);
            }
        }
        double lexicalWeight = !useDense ? 1.0 : lexical == null ? 0.0 : weights.lexical();
        for (Candidate c : candidates) {
            double score = lexicalWeight * normalise(c.lexical, lexicalRange);
            if (useDense) {
                score += (1.0 - lexicalWeight) * normalise(dense(c), denseRange);
            }
            if (!namedSpeakers.isEmpty()) {
                double match = namedSpeakers.contains(c.speaker) ? 1.0 : 0.0;
                score = score * (1.0 - weights.speakerBoost()) + weights.speakerBoost() * match;
            }
            if (!conversationId.isEmpty()) {
                double match = conversationId.equals(c.conversation) ? 1.0 : 0.0;
                score = score * (1.0 - weights.conversationBoost()) + weights.conversationBoost() * match;
            }
            c.score = Math.max(0.0, Math.min(1.0, score));
        }
        // Best first; equal scores keep index order so results are deterministic.
        Arrays.sort(
                candidates,
                Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.doc));
        int n = Math.min(limit, candidates.length);
        List<Ranked> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Candidate c = candidates[i];
            ranked.add(new Ranked(MemoryIndex.load(searcher, c.doc), c.score));
        }
        return ranked;
    }

    private ScoreDoc[] knn(IndexSearcher searcher, String field, float[] vector, Query filter) {
        int k = weights.vectorCandidates();
        try {
            return searcher.search(new KnnFloatVectorQuery(field, vector, k, filter), k).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScoreDoc[] join(CompletableFuture<ScoreDoc[]> search) throws IOException {
        try {
            return LocalExecutor.await(search);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** What ranking knows of one candidate document. */
    private static final class Candidate {
        final int doc;
        double lexical;
        double cosText;
        double cosContext;
        String speaker = "";
        String conversation = "";
        double score;

        Candidate(int doc) {
            this.doc = doc;
        }
    }

    private double dense(Candidate c) {
        return (1.0 - weights.contextVector()) * c.cosText + weights.contextVector() * c.cosContext;
    }

    /**
     * The {@code n} best documents for the terms among those the filter keeps. Usually the filter leads and
     * the terms are scored on every document it keeps. When it keeps a large share of the index (a local
     * store of one user), the terms lead and each hit is checked against the filter: Lucene then skips the
     * documents that can no longer reach the top {@code n}, which halved BM25 time at 100k memories. Both
     * give the same top {@code n}; with fewer than {@code n} hits only the filter-led search also returns
     * kept documents that match no term (score 0), so it runs then.
     */
    static ScoreDoc[] lexicalHits(IndexSearcher searcher, BooleanQuery terms, Query filter, int n) throws IOException {
        ScorerSupplier[] keptByLeaf = keptByLeaf(searcher, filter);
        if (keepsLargeShare(searcher, keptByLeaf)) {
            ScoreDoc[] hits = searcher.search(terms, new FilteredTopDocs(keptByLeaf, n)).scoreDocs;
            if (hits.length >= n) {
                return hits;
            }
        }
        BooleanQuery.Builder filtered = new BooleanQuery.Builder();
        for (BooleanClause clause : terms) {
            filtered.add(clause);
        }
        filtered.add(filter, BooleanClause.Occur.FILTER);
        return searcher.search(filtered.build(), n).scoreDocs;
    }

    // The filter's scorers per leaf (by ord; null where it keeps nothing): each costs term lookups, so the
    // share estimate and the per-hit check use the same ones.
    private static ScorerSupplier[] keptByLeaf(IndexSearcher searcher, Query filter) throws IOException {
        Weight kept = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ScorerSupplier[] byLeaf = new ScorerSupplier[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            byLeaf[leaf.ord] = kept.scorerSupplier(leaf);
        }
        return byLeaf;
    }

    // Whether the filter's cost estimate (no document is visited) reaches a third of the index: measured
    // at 100k memories, terms-led was faster from about there (1.6 against 2-3 ms with half of the
    // documents kept, 1.8 against 1.2 ms with a quarter).
    private static boolean keepsLargeShare(IndexSearcher searcher, ScorerSupplier[] keptByLeaf) {
        long estimate = 0;
        for (ScorerSupplier kept : keptByLeaf) {
            if (kept != null) {
                estimate += kept.cost();
            }
        }
        return estimate * 3 >= searcher.getIndexReader().maxDoc();
    }

    /** Top documents by score of those a filter keeps, the filter checked per hit. */
    private static final class FilteredTopDocs implements CollectorManager<Collector, TopDocs> {
        // As IndexSearcher.search(query, n): hit counts stay exact only up to this, so scoring can skip.
        private static final int TOTAL_HITS_THRESHOLD = 1000;

        private final ScorerSupplier[] keptByLeaf;
        private final TopScoreDocCollectorManager top;
        private final List<TopScoreDocCollector> collectors = new ArrayList<>();

        FilteredTopDocs(ScorerSupplier[] keptByLeaf, int n) {
            this.keptByLeaf = keptByLeaf;
            this.top = new TopScoreDocCollectorManager(n, null, Math.max(n, TOTAL_HITS_THRESHOLD));
        }

        @Override
        public Collector newCollector() throws IOException {
            TopScoreDocCollector collector = top.newCollector();
            collectors.add(collector);
            return new FilterCollector(collector) {
                @Override
                public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
                    ScorerSupplier keptHere = keptByLeaf[leaf.ord];
                    if (keptHere == null) {
                        throw new CollectionTerminatedException(); // the filter keeps nothing here
                    }
                    // As Weight.scorer: nothing leads the filter, the hits only probe it.
                    DocIdSetIterator keptDocs = keptHere.get(Long.MAX_VALUE).iterator();
                    return new FilterLeafCollector(super.getLeafCollector(leaf)) {
                        @Override
                        public void collect(int doc) throws IOException {
                            // Hits arrive in doc order, so the filter's iterator only moves forward.
                            int next = keptDocs.docID() < doc ? keptDocs.advance(doc) : keptDocs.docID();
                            if (next == doc) {
                                in.collect(doc);
                            }
                        }
                    };
                }
            };
        }

        @Override
        public TopDocs reduce(Collection<Collector> ignored) throws IOException {
            return top.reduce(collectors);
        }
    }

    /** BM25 over the text and (boosted lower) the text with its neighbours; null when no term survives analysis. */
    BooleanQuery lexicalQuery(String query) throws IOException {
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

    // Exact cosines, speaker and conversation of every candidate, read leaf by leaf in doc order
    // (candidates are sorted by doc id, as the per-leaf iterators only move forward).
    private static void readColumns(IndexSearcher searcher, Candidate[] candidates, float[] queryVector)
            throws IOException {
        int from = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            int to = from;
            while (to < candidates.length && candidates[to].doc < end) {
                to++;
            }
            if (to > from) {
                if (queryVector != null) {
                    readCosines(leaf, MemoryIndex.F_VECTOR, candidates, from, to, queryVector, (c, v) -> c.cosText = v);
                    readCosines(
                            leaf,
                            MemoryIndex.F_CONTEXT_VECTOR,
                            candidates,
                            from,
                            to,
                            queryVector,
                            (c, v) -> c.cosContext = v);
                }
                readKeywords(leaf, candidates, from, to);
            }
            from = to;
        }
    }

    private static void readCosines(
            LeafReaderContext leaf,
            String field,
            Candidate[] candidates,
            int from,
            int to,
            float[] query,
            ObjDoubleConsumer<Candidate> signal)
            throws IOException {
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(field);
        if (vectors == null) {
            return;
        }
        for (int i = from; i < to; i++) {
            int local = candidates[i].doc - leaf.docBase;
            if (vectors.docID() > local) {
                continue;
            }
            if (vectors.docID() == local || vectors.advance(local) == local) {
                // Both at unit length: the dot product is the cosine.
                signal.accept(candidates[i], VectorUtil.dotProduct(query, vectors.vectorValue()));
            }
        }
    }

    private static void readKeywords(LeafReaderContext leaf, Candidate[] candidates, int from, int to)
            throws IOException {
        LeafReader reader = leaf.reader();
        SortedDocValues speakers = reader.getSortedDocValues(MemoryIndex.F_SPEAKER_VALUE);
        SortedDocValues conversations = reader.getSortedDocValues(MemoryIndex.F_CONVERSATION_VALUE);
        for (int i = from; i < to; i++) {
            int local = candidates[i].doc - leaf.docBase;
            if (speakers != null && speakers.advanceExact(local)) {
                candidates[i].speaker = speakers.lookupOrd(speakers.ordValue()).utf8ToString();
            }
            if (conversations != null && conversations.advanceExact(local)) {
                candidates[i].conversation =
                        conversations.lookupOrd(conversations.ordValue()).utf8ToString();
            }
        }
    }

    // min and max of a signal over the candidates.
    private static double[] range(Candidate[] candidates, ToDoubleFunction<Candidate> signal) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates) {
            double value = signal.applyAsDouble(c);
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
