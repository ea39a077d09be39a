package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.memos4j.local.RetrievalMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lexical candidates are the same whichever of the filter and the terms leads the search. */
class HybridRankerTest {

    private static final int N = 50;

    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
    private final HybridRanker ranker = new HybridRanker(
            analyzer,
            Fusion.DEFAULTS,
            Relevance.forSearch("none", RetrievalMode.HYBRID),
            RetrievalMode.HYBRID,
            Runnable::run);
    private ByteBuffersDirectory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            // "big" keeps most of the index, each note naming the zoo once; "other" has notes that match
            // the query far better, which must never show up in big's results; "small" has a few notes.
            for (int i = 0; i < 300; i++) {
                writer.addDocument(
                        note("big", "Take the kids to the zoo on day " + i + " with " + (i % 7) + " friends"));
                writer.addDocument(note("big", "Buy milk and bread, note " + i));
                if (i % 20 == 0) {
                    writer.commit(); // several segments, as a real index has
                }
            }
            for (int i = 0; i < 100; i++) {
                writer.addDocument(note("other", "zoo zoo zoo kids zoo Saturday " + i));
            }
            for (int i = 0; i < 5; i++) {
                writer.addDocument(note("small", i == 0 ? "The zoo trip is on Saturday" : "Pay the water bill " + i));
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void termsLedSearchOfALargeShareKeepsTheFilterAndTheFilterLedRanking() throws IOException {
        Query filter = user("big");
        ScoreDoc[] hits = LexicalHits.top(searcher, terms("kids at the zoo"), filter, N);

        assertThat(hits).hasSize(N);
        assertThat(users(hits)).containsOnly("big");
        assertSameRanking(hits, filterLed("kids at the zoo", filter));
        // Without the filter the other user's notes would lead: the filter is really applied.
        assertThat(users(searcher.search(terms("kids at the zoo"), N).scoreDocs))
                .contains("other");
    }

    @Test
    void fewerHitsThanAskedStillPadWithKeptDocumentsLikeTheFilterLedSearch() throws IOException {
        Query filter = user("big");
        ScoreDoc[] hits = LexicalHits.top(searcher, terms("milk"), filter, 400);

        assertThat(hits).hasSize(400); // the 300 milk notes, then 100 more kept notes with score 0
        assertThat(users(hits)).containsOnly("big");
        assertSameRanking(hits, filterLed("milk", filter));
    }

    @Test
    void aSmallShareIsSearchedFilterFirst() throws IOException {
        Query filter = user("small");
        ScoreDoc[] hits = LexicalHits.top(searcher, terms("zoo on Saturday"), filter, N);

        assertThat(users(hits)).containsOnly("small");
        assertThat(hits[0].score).isPositive();
        assertSameRanking(hits, filterLed("zoo on Saturday", filter));
    }

    private Document note(String user, String text) {
        Document doc = new Document();
        doc.add(new StringField(MemoryIndex.F_USER, user, Field.Store.YES));
        doc.add(new TextField(MemoryIndex.F_TEXT, text, Field.Store.NO));
        doc.add(new TextField(MemoryIndex.F_CONTEXT, text, Field.Store.NO));
        return doc;
    }

    private static Query user(String user) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(MemoryIndex.F_USER, user)), BooleanClause.Occur.FILTER)
                .build();
    }

    private BooleanQuery terms(String query) throws IOException {
        return ranker.lexicalQuery(query);
    }

    // The reference: one query of the terms with the filter as a clause, deeper than any test asks.
    private ScoreDoc[] filterLed(String query, Query filter) throws IOException {
        BooleanQuery.Builder both = new BooleanQuery.Builder();
        for (BooleanClause clause : terms(query)) {
            both.add(clause);
        }
        both.add(filter, BooleanClause.Occur.FILTER);
        return searcher.search(both.build(), 800).scoreDocs;
    }

    private static void assertSameRanking(ScoreDoc[] hits, ScoreDoc[] reference) {
        for (int i = 0; i < hits.length; i++) {
            assertThat(hits[i].doc).as("doc at %d", i).isEqualTo(reference[i].doc);
            assertThat(hits[i].score).as("score at %d", i).isEqualTo(reference[i].score, offset(1e-5f));
        }
    }

    private List<String> users(ScoreDoc[] hits) throws IOException {
        List<String> users = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            users.add(searcher.storedFields().document(hit.doc).get(MemoryIndex.F_USER));
        }
        return users;
    }
}
