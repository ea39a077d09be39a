package dev.memos4j.local.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * How much of a query a record's own text contains: the summed IDF of the query's content terms found in
 * it over the summed IDF of all of them, 0..1 (a term found only through an everyday synonym counts in
 * part). Unlike a BM25 score it does not grow with the query's length, so it means the same for every
 * query. Read from the postings, without decoding any record.
 */
final class TermCoverage {

    private record Concept(double idf, BytesRef term, List<BytesRef> synonyms) {}

    private final List<Concept> concepts = new ArrayList<>();
    private final double synonymCredit;
    private double total;

    private TermCoverage(double synonymCredit) {
        this.synonymCredit = synonymCredit;
    }

    /**
     * The query's content terms with their IDF in the index, as BM25 computes it.
     *
     * @param terms analyzed content terms, each with the analyzed terms of its synonyms
     * @param synonymCredit how much a term found only through a synonym counts, 0..1
     */
    static TermCoverage of(
            org.apache.lucene.search.IndexSearcher searcher, Map<String, Set<String>> terms, double synonymCredit)
            throws IOException {
        TermCoverage coverage = new TermCoverage(synonymCredit);
        IndexReader reader = searcher.getIndexReader();
        long docs = Math.max(1, reader.getDocCount(MemoryIndex.F_TEXT));
        for (Map.Entry<String, Set<String>> entry : terms.entrySet()) {
            int df = reader.docFreq(new Term(MemoryIndex.F_TEXT, entry.getKey()));
            double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
            List<BytesRef> synonyms = new ArrayList<>();
            for (String synonym : entry.getValue()) {
                synonyms.add(new BytesRef(synonym));
            }
            coverage.concepts.add(new Concept(idf, new BytesRef(entry.getKey()), synonyms));
            coverage.total += idf;
        }
        return coverage;
    }

    /**
     * The coverage of each document of one leaf.
     *
     * @param docs leaf-local doc ids, ascending
     * @return one coverage per doc, 0 when the query has no content terms
     */
    double[] read(LeafReaderContext leaf, int[] docs) throws IOException {
        double[] found = new double[docs.length];
        Terms field = leaf.reader().terms(MemoryIndex.F_TEXT);
        if (total <= 0 || docs.length == 0 || field == null) {
            return found;
        }
        TermsEnum iterator = field.iterator();
        double[] credit = new double[docs.length];
        for (Concept concept : concepts) {
            java.util.Arrays.fill(credit, 0);
            for (BytesRef synonym : concept.synonyms()) {
                mark(iterator, synonym, docs, credit, synonymCredit);
            }
            mark(iterator, concept.term(), docs, credit, 1.0);
            for (int i = 0; i < docs.length; i++) {
                found[i] += concept.idf() * credit[i];
            }
        }
        for (int i = 0; i < found.length; i++) {
            found[i] /= total;
        }
        return found;
    }

    // Raises the credit of each doc containing the term to at least `value`.
    private static void mark(TermsEnum iterator, BytesRef term, int[] docs, double[] credit, double value)
            throws IOException {
        if (!iterator.seekExact(term)) {
            return;
        }
        PostingsEnum postings = iterator.postings(null, PostingsEnum.NONE);
        for (int i = 0; i < docs.length; i++) {
            int at = postings.docID() < docs[i] ? postings.advance(docs[i]) : postings.docID();
            if (at == DocIdSetIterator.NO_MORE_DOCS) {
                return;
            }
            if (at == docs[i]) {
                credit[i] = Math.max(credit[i], value);
            }
        }
    }
}
