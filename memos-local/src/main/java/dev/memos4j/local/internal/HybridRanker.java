package dev.memos4j.local.internal;

import dev.memos4j.local.RetrievalMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ObjDoubleConsumer;
import java.util.function.Supplier;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.VectorUtil;

/**
 * Ranks the records matching a filter for a query: BM25 over the text and over the text with its
 * neighbouring turns, cosine similarity of the query vector to both stored vectors, mixed into one ordering
 * score by {@link Fusion}. Each returned record also gets its {@link Relevance relativity}, which depends on
 * the query and the record alone. Every candidate search applies the filter before it takes its top k, so
 * isolation never depends on post-filtering a global top-k.
 */
final class HybridRanker {

    /**
     * A ranked record.
     *
     * @param score orders the results of one query, 0..1
     * @param relevance the relativity: how likely the record answers the query, 0..1, comparable across queries
     */
    record Ranked(StoredItem item, double score, double relevance) {
        /** A record listed without ranking, with a relativity of its own. */
        Ranked(StoredItem item, double relevance) {
            this(item, relevance, relevance);
        }
    }

    /** A candidate with its signals and ordering score, for measurements. */
    record Scored(int doc, Fusion.Signals signals, double score) {}

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
    // Words that frame a question or request rather than say what it is about; left out of term coverage.
    private static final Set<String> FRAMING_WORDS =
            Set.of(("what when where who whom whose which why how do does did done i i'm i've me my mine "
                            + "myself we us our you your he him his she her hers they them their it its have has had am "
                            + "is are was were be been can could would should will may might must about any some from so "
                            + "than too very just also ever a an the and or of to in on at for with by as that this "
                            + "there these those then not no get got tell know remember please")
                    .split(" "));

    private final Analyzer analyzer;
    private final Fusion.Weights weights;
    private final Relevance relevance;
    private final RetrievalMode mode;
    private final Executor helper;

    /**
     * A ranker.
     *
     * @param relevance turns a result's signals into its relativity
     * @param helper runs one of the two vector searches of a query; given only tasks that never wait
     */
    HybridRanker(Analyzer analyzer, Fusion.Weights weights, Relevance relevance, RetrievalMode mode, Executor helper) {
        this.analyzer = analyzer;
        this.weights = weights;
        this.relevance = relevance;
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
        List<Scored> scored = candidates(searcher, filter, query, queryVector, conversationId);
        int n = Math.min(limit, scored.size());
        List<Ranked> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Scored c = scored.get(i);
            ranked.add(new Ranked(MemoryIndex.load(searcher, c.doc()), c.score(), relevance.relativity(c.signals())));
        }
        return ranked;
    }

    /** Every candidate with its signals and ordering score, best first; equal scores keep index order. */
    List<Scored> candidates(
            IndexSearcher searcher, Query filter, String query, Supplier<float[]> queryVector, String conversationId)
            throws IOException {
        boolean useLexical = mode != RetrievalMode.DENSE || queryVector == null;
        boolean useDense = mode != RetrievalMode.LEXICAL && queryVector != null;

        Map<Integer, Candidate> byDoc = new HashMap<>();
        BooleanQuery lexical = useLexical ? lexicalQuery(query) : null;
        if (lexical != null) {
            for (ScoreDoc hit : LexicalHits.top(searcher, lexical, filter, weights.lexicalCandidates())) {
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
        readColumns(searcher, candidates, vector, TermCoverage.of(searcher, contentTerms(query), EXPANSION_BOOST));

        boolean speakerNamed = false;
        for (Candidate c : candidates) {
            c.speakerMatch = !c.speaker.isEmpty() && mentions(query, c.speaker);
            speakerNamed |= c.speakerMatch;
        }
        List<Fusion.Signals> signals = new ArrayList<>(candidates.length);
        for (Candidate c : candidates) {
            signals.add(new Fusion.Signals(
                    c.lexical,
                    c.cosText,
                    c.cosContext,
                    c.coverage,
                    speakerNamed,
                    c.speakerMatch,
                    !conversationId.isEmpty() && conversationId.equals(c.conversation)));
        }
        double[] scores = Fusion.scores(signals, weights, lexical != null, useDense, !conversationId.isEmpty());
        List<Scored> scored = new ArrayList<>(candidates.length);
        for (int i = 0; i < candidates.length; i++) {
            scored.add(new Scored(candidates[i].doc, signals.get(i), scores[i]));
        }
        // Best first; equal scores keep index order so results are deterministic.
        scored.sort(Comparator.comparingDouble((Scored c) -> -c.score()).thenComparingInt(Scored::doc));
        return scored;
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

    /** What ranking reads of one candidate document. */
    private static final class Candidate {
        final int doc;
        double lexical;
        double cosText;
        double cosContext;
        double coverage;
        String speaker = "";
        String conversation = "";
        boolean speakerMatch;

        Candidate(int doc) {
            this.doc = doc;
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

    // The query's content terms (analyzed), each with the analyzed terms of its everyday synonyms.
    private Map<String, Set<String>> contentTerms(String query) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (word.isEmpty() || FRAMING_WORDS.contains(word)) {
                continue;
            }
            for (String term : analyze(word)) {
                Set<String> synonyms = terms.computeIfAbsent(term, t -> new LinkedHashSet<>());
                for (String synonym : EXPANSIONS.getOrDefault(word, List.of())) {
                    synonyms.addAll(analyze(synonym));
                }
            }
        }
        return terms;
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

    // Exact cosines, term coverage, speaker and conversation of every candidate, read leaf by leaf in doc order
    // (candidates are sorted by doc id, as the per-leaf iterators only move forward).
    private static void readColumns(
            IndexSearcher searcher, Candidate[] candidates, float[] queryVector, TermCoverage coverage)
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
                int[] docs = new int[to - from];
                for (int i = from; i < to; i++) {
                    docs[i - from] = candidates[i].doc - leaf.docBase;
                }
                double[] covered = coverage.read(leaf, docs);
                for (int i = from; i < to; i++) {
                    candidates[i].coverage = covered[i - from];
                }
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
