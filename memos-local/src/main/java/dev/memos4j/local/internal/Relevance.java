package dev.memos4j.local.internal;

import dev.memos4j.local.RetrievalMode;
import java.util.Arrays;
import java.util.Map;

/**
 * A result's {@code relativity}: the probability-like chance, 0..1, that a record answers a query, from
 * similarities that mean the same for every query — the cosines of the query to the record's vectors, the
 * share of the query terms' IDF its text contains, and whether it is the speaker the query names — never
 * from the other candidates. A logistic model over those features, fitted on labelled question/turn pairs
 * (LoCoMo's evidence turns against the other turns the engine retrieved, both classes weighted alike) and
 * checked leave-one-conversation-out by {@code benchmarks.jar locomo}. Cosines differ from model to model,
 * so each bundled embedder has its own coefficients; any other embedder is judged by its terms alone.
 * Public so the benchmarks can fit and check the model on the same features.
 */
public final class Relevance {

    /** Names of the features, in {@link #features} order. */
    public static final String[] FEATURE_NAMES = {"cos_text", "cos_context", "coverage", "speaker", "other_speaker"};

    // Fitted by `benchmarks.jar locomo` on the five development conversations (its "calibration" lines).
    private static final Relevance LEXICAL = new Relevance(-1.509, new double[] {0, 0, 8.313, -0.013, -2.616});
    private static final Map<String, Relevance> BY_EMBEDDER = Map.of(
            "bge-small-en-v1.5-q", new Relevance(-9.884, new double[] {4.807, 11.144, 6.197, -0.345, -2.911}),
            "all-minilm-l6-v2-q", new Relevance(-3.539, new double[] {1.513, 6.880, 6.393, -0.633, -3.383}));

    private final double intercept;
    private final double[] weights;

    /**
     * A model with these coefficients.
     *
     * @param intercept the log-odds when every feature is 0
     * @param weights one coefficient per feature, in {@link #FEATURE_NAMES} order
     */
    public Relevance(double intercept, double[] weights) {
        if (weights.length != FEATURE_NAMES.length) {
            throw new IllegalArgumentException(
                    "weights must have " + FEATURE_NAMES.length + " coefficients (was " + weights.length + ")");
        }
        this.intercept = intercept;
        this.weights = weights.clone();
    }

    /**
     * The model calibrated for an embedder's cosines; a model of term overlap alone for {@code none}, for
     * embedders it was not calibrated for, and for lexical search (which reads no vectors).
     *
     * @param embedderName the embedder's {@code name()}
     * @param mode how the engine ranks
     * @return the model
     */
    public static Relevance forSearch(String embedderName, RetrievalMode mode) {
        return mode == RetrievalMode.LEXICAL ? LEXICAL : BY_EMBEDDER.getOrDefault(embedderName, LEXICAL);
    }

    /**
     * The features the model reads.
     *
     * @param s a candidate's signals
     * @return the features, in {@link #FEATURE_NAMES} order
     */
    public static double[] features(Fusion.Signals s) {
        return new double[] {
            s.cosText(),
            s.cosContext(),
            s.coverage(),
            s.speakerNamed() && s.speakerMatch() ? 1 : 0,
            s.speakerNamed() && !s.speakerMatch() ? 1 : 0
        };
    }

    /**
     * The relativity of a candidate.
     *
     * @param s its signals
     * @return 0..1
     */
    public double relativity(Fusion.Signals s) {
        double[] x = features(s);
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    @Override
    public String toString() {
        return "Relevance[intercept=" + intercept + ", weights=" + Arrays.toString(weights) + "]";
    }
}
