package dev.memos4j.local.internal;

import static dev.memos4j.local.internal.FilterQueries.activated;
import static dev.memos4j.local.internal.FilterQueries.and;
import static dev.memos4j.local.internal.FilterQueries.kind;
import static dev.memos4j.local.internal.FilterQueries.subject;
import static dev.memos4j.local.internal.RecordViews.round;
import static dev.memos4j.local.internal.RecordViews.toMemoryDetail;
import static dev.memos4j.local.internal.RecordViews.toPreferenceDetail;

import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.RerankResponse;
import dev.memos4j.client.model.RerankResult;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.RetrievalMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.lucene.search.Query;

/** The read side: hybrid search of memories, preferences and knowledge-base passages, and rerank. */
final class SearchPipeline implements AutoCloseable {

    /** Explicit preferences are returned at least this relevant: the cloud returns preferences liberally. */
    static final double PREFERENCE_FLOOR = 0.5;

    static final String PREFERENCE_NOTE =
            "Respect the user's preferences below when they apply; " + "they were stated explicitly by the user.";

    private final MemoryIndex index;
    private final Embedder embedder;
    private final HybridRanker ranker;
    private final RetrievalMode mode;
    // Query embeddings run here while the searching thread does the lexical part, and one of the two vector
    // searches: only leaf tasks, which never wait on other work, so a saturated engine cannot deadlock on it.
    private final ExecutorService searchHelpers = LocalExecutor.create("memos-local-search-");

    SearchPipeline(MemoryIndex index, Embedder embedder, RetrievalMode mode) {
        this.index = index;
        this.embedder = embedder;
        this.ranker = new HybridRanker(
                index.analyzer(), Fusion.DEFAULTS, Relevance.forSearch(embedder.name(), mode), mode, searchHelpers);
        this.mode = mode;
    }

    /** Hybrid search of memories and preferences of one user or agent; writes yield the CPU meanwhile. */
    SearchMemoryResponse search(SearchMemoryRequest request) {
        try (SearchFirst.Search running = SearchFirst.search()) {
            return searchNow(request);
        }
    }

    private SearchMemoryResponse searchNow(SearchMemoryRequest request) {
        Query userFilter = FilterQueries.toQuery(request.filter().orElse(null));
        String userId = request.userId().orElse("");
        String agentId = request.agentId().orElse("");
        String conversationId = request.conversationId().orElse("");
        double threshold = request.relativity().orElse(0.0);
        Supplier<float[]> queryVector =
                embedder.enabled() && mode != RetrievalMode.LEXICAL ? embedInBackground(request.query()) : null;

        List<MemoryDetail> memories = new ArrayList<>();
        if (request.memoryLimitNumber() > 0) {
            Query filter = and(kind(StoredItem.MEMORY), subject(userId, agentId), activated(), userFilter);
            int limit = request.memoryLimitNumber();
            List<HybridRanker.Ranked> ranked = new ArrayList<>(index.read(
                    searcher -> ranker.rank(searcher, filter, request.query(), queryVector, conversationId, limit)));
            // The best of the union is among the best of each part.
            request.knowledgebaseIds()
                    .ifPresent(ids -> ranked.addAll(rankKnowledge(ids, request.query(), queryVector, limit)));
            ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
            for (HybridRanker.Ranked hit : ranked) {
                if (memories.size() >= request.memoryLimitNumber()) {
                    break;
                }
                if (hit.relevance() >= threshold) {
                    memories.add(toMemoryDetail(hit.item(), Optional.of(round(hit.relevance())), false));
                }
            }
        }
        List<PreferenceDetail> preferences = new ArrayList<>();
        if (request.includePreference() && request.preferenceLimitNumber() > 0) {
            Query filter = and(kind(StoredItem.PREFERENCE), subject(userId, agentId), activated(), userFilter);
            // Every ranked preference is kept: the unranked explicit ones below are told apart by id.
            List<HybridRanker.Ranked> ranked = index.read(searcher ->
                    ranker.rank(searcher, filter, request.query(), queryVector, conversationId, Integer.MAX_VALUE));
            Set<String> seen = new HashSet<>();
            for (HybridRanker.Ranked hit : ranked) {
                seen.add(hit.item().id());
            }
            // Every explicit preference is a candidate, even one sharing no word with the query.
            List<HybridRanker.Ranked> all = new ArrayList<>(ranked);
            for (StoredItem item : index.find(filter, null, 0, request.preferenceLimitNumber() + seen.size())) {
                if (!seen.contains(item.id())) {
                    all.add(new HybridRanker.Ranked(item, 0.0));
                }
            }
            for (HybridRanker.Ranked hit : all) {
                if (preferences.size() >= request.preferenceLimitNumber()) {
                    break;
                }
                boolean explicit = hit.item().type().contains("explicit");
                double relevance = explicit ? Math.max(PREFERENCE_FLOOR, hit.relevance()) : hit.relevance();
                if (relevance >= threshold) {
                    preferences.add(toPreferenceDetail(hit.item(), Optional.of(round(relevance)), false));
                }
            }
        }
        return new SearchMemoryResponse(
                memories,
                preferences,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.of(preferences.isEmpty() ? "" : PREFERENCE_NOTE),
                Map.of());
    }

    // Starts the query embedding now; the supplier waits for the unit-length vector (as the index stores).
    private Supplier<float[]> embedInBackground(String query) {
        CompletableFuture<float[]> vector =
                CompletableFuture.supplyAsync(() -> MemoryIndex.unitLength(embedder.embedQuery(query)), searchHelpers);
        return () -> LocalExecutor.await(vector);
    }

    private List<HybridRanker.Ranked> rankKnowledge(
            List<String> knowledgebaseIds, String query, Supplier<float[]> vector, int limit) {
        Query filter = knowledgebaseIds.contains("all")
                ? kind(StoredItem.KB_CHUNK)
                : and(kind(StoredItem.KB_CHUNK), FilterQueries.anyOf(MemoryIndex.F_TYPE, knowledgebaseIds));
        return index.read(searcher -> ranker.rank(searcher, filter, query, vector, "", limit));
    }

    /** Orders documents by similarity to the query (cosine with the embedder, else term overlap). */
    RerankResponse rerank(RerankRequest request) {
        List<String> documents = request.documents();
        double[] scores = new double[documents.size()];
        if (embedder.enabled() && !documents.isEmpty()) {
            float[] query = embedder.embedQuery(request.query());
            List<float[]> vectors = embedder.embed(documents);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (1.0 + org.apache.lucene.util.VectorUtil.cosine(query, vectors.get(i))) / 2.0;
            }
        } else {
            Set<String> queryTerms = terms(request.query());
            for (int i = 0; i < scores.length; i++) {
                Set<String> docTerms = terms(documents.get(i));
                long shared = queryTerms.stream().filter(docTerms::contains).count();
                scores[i] = queryTerms.isEmpty() ? 0.0 : (double) shared / queryTerms.size();
            }
        }
        List<RerankResult> results = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            results.add(new RerankResult(i, round(scores[i]), Optional.of(documents.get(i)), Map.of()));
        }
        results.sort((a, b) -> Double.compare(b.relevanceScore(), a.relevanceScore()));
        int topN = request.topN().orElse(results.size());
        return new RerankResponse(
                Optional.of("rerank-" + UUID.randomUUID()),
                results.subList(0, Math.min(topN, results.size())),
                Map.of());
    }

    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        try (var stream = index.analyzer().tokenStream(MemoryIndex.F_TEXT, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new MemosException("cannot analyse text: " + e.getMessage(), e);
        }
        return terms;
    }

    @Override
    public void close() {
        searchHelpers.shutdown();
    }
}
