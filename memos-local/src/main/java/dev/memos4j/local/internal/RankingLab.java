package dev.memos4j.local.internal;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.IngestMode;
import dev.memos4j.local.RetrievalMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * An engine in memory that shows what ranking sees: every candidate of a query with its signals, so the
 * benchmarks can re-rank them with other weights and fit the relevance model on the engine's own features.
 * Not part of the API.
 */
public final class RankingLab implements AutoCloseable {

    /**
     * One candidate of a query.
     *
     * @param sources the sources of the memory (the messages it came from)
     * @param signals what ranking knows of it
     * @param score its ordering score with the engine's weights
     */
    public record Candidate(List<Map<String, Object>> sources, Fusion.Signals signals, double score) {}

    private final ExecutorService executor = LocalExecutor.create();
    private final MemoryIndex index;
    private final LocalEngine engine;
    private final Embedder embedder;
    private final HybridRanker ranker;

    /**
     * A lab over a new in-memory index.
     *
     * @param embedder the embedder of the engine
     * @param mode how the engine ranks
     */
    public RankingLab(Embedder embedder, RetrievalMode mode) {
        this.embedder = embedder;
        this.index = MemoryIndex.inMemory(embedder.name());
        // Turn by turn, like the LoCoMo transcripts it is fitted on: one memory per turn, nothing merged.
        this.engine = new LocalEngine(index, embedder, null, Clock.systemUTC(), executor, mode, IngestMode.EVERY_TURN);
        this.ranker = new HybridRanker(
                index.analyzer(), Fusion.DEFAULTS, Relevance.forSearch(embedder.name(), mode), mode, Runnable::run);
    }

    /**
     * Adds messages as the engine does (fast mode) and waits for the commit.
     *
     * @param request the messages
     */
    public void add(AddMessageRequest request) {
        LocalExecutor.await(engine.addMessage(request));
    }

    /**
     * Every candidate memory of a user for a query, best first by the engine's ordering score.
     *
     * @param userId the user
     * @param query the query
     * @return the candidates
     */
    public List<Candidate> candidates(String userId, String query) {
        float[] vector = embedder.enabled() ? MemoryIndex.unitLength(embedder.embedQuery(query)) : null;
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        filter.add(new TermQuery(new Term(MemoryIndex.F_KIND, StoredItem.MEMORY)), BooleanClause.Occur.FILTER);
        filter.add(new TermQuery(new Term(MemoryIndex.F_USER, userId)), BooleanClause.Occur.FILTER);
        filter.add(new TermQuery(new Term(MemoryIndex.F_STATUS, StoredItem.ACTIVATED)), BooleanClause.Occur.FILTER);
        Query kept = filter.build();
        return index.read(searcher -> {
            List<Candidate> found = new ArrayList<>();
            for (HybridRanker.Scored c :
                    ranker.candidates(searcher, kept, query, vector == null ? null : () -> vector, "")) {
                found.add(new Candidate(MemoryIndex.load(searcher, c.doc()).sources(), c.signals(), c.score()));
            }
            return found;
        });
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            executor.shutdown();
        }
    }
}
