package dev.memos4j.local.internal;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How the ranking signals of a query's candidates become one ordering score: each signal min-max
 * normalised over the candidates and mixed linearly (this beat reciprocal rank fusion in measurements), then
 * soft boosts for the speaker a query names and for the current conversation. The score orders results
 * only; what a result's {@code relativity} says comes from {@link Relevance}, which never looks at the other
 * candidates. Public so the benchmarks can re-rank the same signals with other weights.
 */
public final class Fusion {

    private Fusion() {}

    /**
     * The weights of the mix.
     *
     * @param lexical share of BM25 against the dense similarity, 0..1
     * @param contextVector share of the neighbouring-turn vector within the dense similarity, 0..1
     * @param contextTextBoost boost of the neighbouring-turn text field within BM25
     * @param speakerBoost pull towards records of the speaker a query names, 0..1
     * @param conversationBoost pull towards records of the query's conversation, 0..1
     * @param lexicalCandidates how many BM25 candidates to take
     * @param vectorCandidates how many candidates to take from each vector field
     */
    public record Weights(
            double lexical,
            double contextVector,
            double contextTextBoost,
            double speakerBoost,
            double conversationBoost,
            int lexicalCandidates,
            int vectorCandidates) {

        /**
         * These weights with another lexical share, neighbouring-vector share and speaker boost.
         *
         * @param newLexical the lexical share
         * @param newContextVector the neighbouring-vector share
         * @param newSpeakerBoost the speaker boost
         * @return the changed weights
         */
        public Weights with(double newLexical, double newContextVector, double newSpeakerBoost) {
            return new Weights(
                    newLexical,
                    newContextVector,
                    contextTextBoost,
                    newSpeakerBoost,
                    conversationBoost,
                    lexicalCandidates,
                    vectorCandidates);
        }
    }

    /** The weights the engine uses. Vector candidates beyond 50 per field changed no LoCoMo recall figure. */
    public static final Weights DEFAULTS = new Weights(0.3, 0.5, 0.5, 0.15, 0.05, 200, 50);

    /**
     * What ranking knows of one candidate, read from postings, vectors and doc values.
     *
     * @param lexical its BM25 score for the query (text and neighbouring-turn text), 0 when no term matched
     * @param cosText cosine of the query vector to the record's own vector (0 without vectors)
     * @param cosContext cosine of the query vector to its neighbouring-turn vector (0 without vectors)
     * @param coverage the share of the query terms' IDF that the record's own text contains, 0..1
     * @param speakerNamed whether the query names some candidate's speaker
     * @param speakerMatch whether the query names this record's speaker
     * @param conversationMatch whether the record is of the query's conversation
     */
    public record Signals(
            double lexical,
            double cosText,
            double cosContext,
            double coverage,
            boolean speakerNamed,
            boolean speakerMatch,
            boolean conversationMatch) {}

    /**
     * The ordering score of each candidate, 0..1, in the order given.
     *
     * @param candidates the signals of every candidate of one query
     * @param weights the mix
     * @param lexical whether BM25 took part in the search
     * @param dense whether vectors took part in the search
     * @param conversationGiven whether the query named a conversation to favour
     * @return one score per candidate
     */
    public static double[] scores(
            List<Signals> candidates, Weights weights, boolean lexical, boolean dense, boolean conversationGiven) {
        double[] lexicalRange = range(candidates, Signals::lexical);
        ToDoubleFunction<Signals> similarity = s -> dense(s, weights);
        double[] denseRange = range(candidates, similarity);
        double lexicalWeight = !dense ? 1.0 : !lexical ? 0.0 : weights.lexical();
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            Signals s = candidates.get(i);
            double score = lexicalWeight * normalise(s.lexical(), lexicalRange);
            if (dense) {
                score += (1.0 - lexicalWeight) * normalise(similarity.applyAsDouble(s), denseRange);
            }
            if (s.speakerNamed()) {
                score = score * (1.0 - weights.speakerBoost()) + weights.speakerBoost() * (s.speakerMatch() ? 1 : 0);
            }
            if (conversationGiven) {
                score = score * (1.0 - weights.conversationBoost())
                        + weights.conversationBoost() * (s.conversationMatch() ? 1 : 0);
            }
            scores[i] = Math.max(0.0, Math.min(1.0, score));
        }
        return scores;
    }

    private static double dense(Signals s, Weights weights) {
        return (1.0 - weights.contextVector()) * s.cosText() + weights.contextVector() * s.cosContext();
    }

    // min and max of a signal over the candidates.
    private static double[] range(List<Signals> candidates, ToDoubleFunction<Signals> signal) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Signals s : candidates) {
            double value = signal.applyAsDouble(s);
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
}
