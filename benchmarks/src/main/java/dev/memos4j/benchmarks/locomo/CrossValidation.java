package dev.memos4j.benchmarks.locomo;

import dev.memos4j.local.Embedder;
import dev.memos4j.local.RetrievalMode;
import dev.memos4j.local.internal.Fusion;
import dev.memos4j.local.internal.RankingLab;
import dev.memos4j.local.internal.Relevance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Leave-one-conversation-out checks of what the engine's free parameters were chosen on: every question's
 * candidates and signals are read once from the engine, then for each conversation the fusion weights are
 * chosen on the other conversations (a small grid around the defaults) and the relevance model is fitted on
 * them, and both are scored on the conversation left out.
 */
public final class CrossValidation {

    /** One question with every candidate the engine considered, in the engine's order. */
    record Asked(
            int fold, int category, java.util.Set<String> evidence, List<String> turns, List<Fusion.Signals> signals) {}

    private static final double[] LEXICAL = {0.2, 0.3, 0.4, 0.5};
    private static final double[] CONTEXT = {0.3, 0.5, 0.7};
    private static final double[] SPEAKER = {0.05, 0.15, 0.25};
    private static final double THRESHOLD = 0.45;

    private final List<LocomoConversation> conversations;
    private final int[] ks;
    private final boolean dense;
    private final RetrievalMode mode;
    private final List<Asked> asked = new ArrayList<>();

    private CrossValidation(List<LocomoConversation> conversations, int[] ks, RetrievalMode mode, boolean dense) {
        this.conversations = conversations;
        this.ks = ks;
        this.mode = mode;
        this.dense = dense;
    }

    /**
     * Reads every question's candidates from a fresh engine and prints the held-out figures.
     *
     * @param conversations at least two conversations
     * @param embedder the engine's embedder (vectors cached from the main run are reused)
     * @param mode the engine's ranking
     * @param ks the cut-offs
     */
    public static void run(List<LocomoConversation> conversations, Embedder embedder, RetrievalMode mode, int[] ks) {
        CrossValidation cv =
                new CrossValidation(conversations, ks, mode, embedder.enabled() && mode != RetrievalMode.LEXICAL);
        try (RankingLab lab = new RankingLab(embedder, mode)) {
            for (int fold = 0; fold < conversations.size(); fold++) {
                LocomoConversation conversation = conversations.get(fold);
                String user = "locomo-" + conversation.name();
                LocomoConversation.Ingest ingest = conversation.ingest(user);
                ingest.requests().forEach(lab::add);
                for (LocomoConversation.Question question : conversation.questions()) {
                    List<String> turns = new ArrayList<>();
                    List<Fusion.Signals> signals = new ArrayList<>();
                    for (RankingLab.Candidate c : lab.candidates(user, question.question())) {
                        turns.add(LocomoConversation.sourceTurn(c.sources(), ingest.turnIds()));
                        signals.add(c.signals());
                    }
                    cv.asked.add(new Asked(fold, question.category(), question.evidence(), turns, signals));
                }
            }
        }
        cv.report(embedder.name());
    }

    private void report(String embedderName) {
        double[] asShipped = pooled(recalls(Fusion.DEFAULTS), q -> true);
        System.out.println("cross-validation: " + asked.size() + " questions, " + conversations.size()
                + " conversations; engine weights re-ranked from its candidates:" + figures(asShipped));
        if (dense) {
            looWeights();
        }
        looRelevance(embedderName);
    }

    // ---- fusion weights: chosen on the other conversations, scored on the one left out ----

    private void looWeights() {
        List<Fusion.Weights> grid = new ArrayList<>();
        for (double lexical : LEXICAL) {
            for (double context : CONTEXT) {
                for (double speaker : SPEAKER) {
                    grid.add(Fusion.DEFAULTS.with(lexical, context, speaker));
                }
            }
        }
        List<double[][]> byWeights = new ArrayList<>();
        for (Fusion.Weights w : grid) {
            byWeights.add(recalls(w));
        }
        int k10 = indexOfK(10);
        double[] heldOut = new double[ks.length];
        for (int fold = 0; fold < conversations.size(); fold++) {
            int f = fold;
            int best = 0;
            double bestTrain = -1;
            for (int g = 0; g < grid.size(); g++) {
                double train = pooled(byWeights.get(g), q -> q.fold() != f)[k10];
                if (train > bestTrain + 1e-12) {
                    bestTrain = train;
                    best = g;
                }
            }
            double[] test = pooled(byWeights.get(best), q -> q.fold() == f);
            Fusion.Weights w = grid.get(best);
            System.out.printf(
                    Locale.ROOT,
                    "  fold %s: weights lexical=%.2f context=%.2f speaker=%.2f; r@10 on the other four %.3f,"
                            + " held out:%s%n",
                    conversations.get(fold).name(),
                    w.lexical(),
                    w.contextVector(),
                    w.speakerBoost(),
                    bestTrain,
                    figures(test));
            long n = asked.stream().filter(q -> q.fold() == f).count();
            for (int i = 0; i < ks.length; i++) {
                heldOut[i] += test[i] * n;
            }
        }
        for (int i = 0; i < ks.length; i++) {
            heldOut[i] /= asked.size();
        }
        System.out.println("held-out (weights chosen leave-one-conversation-out):" + figures(heldOut));
    }

    // recall@k of every question (rows) at every cut-off (columns) when ranked by the fusion with w
    private double[][] recalls(Fusion.Weights w) {
        double[][] r = new double[asked.size()][];
        for (int q = 0; q < asked.size(); q++) {
            Asked a = asked.get(q);
            double[] scores = Fusion.scores(a.signals(), w, true, dense, false);
            r[q] = recallOfOrder(a, i -> -scores[i]);
        }
        return r;
    }

    private double[] recallOfOrder(Asked a, java.util.function.IntToDoubleFunction key) {
        Integer[] order = new Integer[a.turns().size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.comparingDouble((Integer i) -> key.applyAsDouble(i)).thenComparingInt(i -> i));
        List<String> ranked = new ArrayList<>();
        for (Integer i : order) {
            ranked.add(a.turns().get(i));
        }
        double[] r = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            r[i] = RecallAtK.of(a.evidence(), ranked, ks[i]);
        }
        return r;
    }

    private double[] pooled(double[][] byQuestion, java.util.function.Predicate<Asked> which) {
        double[] sums = new double[ks.length];
        int n = 0;
        for (int q = 0; q < asked.size(); q++) {
            if (which.test(asked.get(q))) {
                for (int i = 0; i < ks.length; i++) {
                    sums[i] += byQuestion[q][i];
                }
                n++;
            }
        }
        for (int i = 0; i < ks.length; i++) {
            sums[i] = n == 0 ? 0 : sums[i] / n;
        }
        return sums;
    }

    // ---- relevance model: fitted on the other conversations, checked on the one left out ----

    private void looRelevance(String embedderName) {
        double[] rankedByModel = new double[ks.length];
        Checks pooledChecks = new Checks();
        for (int fold = 0; fold < conversations.size(); fold++) {
            int f = fold;
            double[] beta = fit(q -> q.fold() != f);
            Checks checks = new Checks();
            for (Asked a : asked) {
                if (a.fold() == f) {
                    checks.add(a, s -> LogisticFit.probability(beta, Relevance.features(s)));
                    pooledChecks.add(a, s -> LogisticFit.probability(beta, Relevance.features(s)));
                    double[] r = recallOfOrder(
                            a,
                            i -> -LogisticFit.probability(
                                    beta, Relevance.features(a.signals().get(i))));
                    for (int i = 0; i < ks.length; i++) {
                        rankedByModel[i] += r[i];
                    }
                }
            }
            System.out.println("  fold " + conversations.get(fold).name() + ": relevance model " + coefficients(beta)
                    + "; held out: " + checks);
        }
        for (int i = 0; i < ks.length; i++) {
            rankedByModel[i] /= asked.size();
        }
        System.out.println("relevance model, held out (leave one conversation out): " + pooledChecks);
        System.out.println("ranked by the held-out relevance model instead of the fusion:" + figures(rankedByModel));
        double[] all = fit(q -> true);
        System.out.println("calibration fitted on all conversations (" + embedderName + "): " + coefficients(all));
        Relevance shipped = Relevance.forSearch(embedderName, mode);
        Checks shippedChecks = new Checks();
        for (Asked a : asked) {
            shippedChecks.add(a, shipped::relativity);
        }
        System.out.println("calibration the engine ships: " + shipped + "; on all conversations: " + shippedChecks);
    }

    private double[] fit(java.util.function.Predicate<Asked> which) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        int positives = 0;
        for (Asked a : asked) {
            if (!which.test(a)) {
                continue;
            }
            for (int i = 0; i < a.turns().size(); i++) {
                x.add(Relevance.features(a.signals().get(i)));
                boolean evidence = a.evidence().contains(a.turns().get(i));
                y.add(evidence ? 1 : 0);
                positives += evidence ? 1 : 0;
            }
        }
        // Both classes weigh alike: the model says how evidence-like a pair is, whatever the base rate.
        double wPositive = x.size() / (2.0 * Math.max(1, positives));
        double wNegative = x.size() / (2.0 * Math.max(1, x.size() - positives));
        List<Double> weights = new ArrayList<>();
        for (int label : y) {
            weights.add(label == 1 ? wPositive : wNegative);
        }
        return LogisticFit.fit(x, y, weights);
    }

    private static String coefficients(double[] beta) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "intercept=%.3f", beta[0]));
        for (int i = 0; i < Relevance.FEATURE_NAMES.length; i++) {
            s.append(String.format(Locale.ROOT, " %s=%.3f", Relevance.FEATURE_NAMES[i], beta[i + 1]));
        }
        return s.toString();
    }

    /** Held-out checks of a relevance model: ranking quality and what a 0.45 cut keeps of the top 10. */
    private static final class Checks {
        private final List<double[]> scored = new ArrayList<>(); // {relativity, evidence 0/1}
        private int top10Evidence;
        private int top10EvidenceKept;
        private int top10Other;
        private int top10OtherKept;
        private double evidenceSum;
        private double otherSum;

        void add(Asked a, ToDoubleFunction<Fusion.Signals> model) {
            for (int i = 0; i < a.turns().size(); i++) {
                double p = model.applyAsDouble(a.signals().get(i));
                boolean evidence = a.evidence().contains(a.turns().get(i));
                scored.add(new double[] {p, evidence ? 1 : 0});
                if (i < 10) {
                    if (evidence) {
                        top10Evidence++;
                        top10EvidenceKept += p >= THRESHOLD ? 1 : 0;
                        evidenceSum += p;
                    } else {
                        top10Other++;
                        top10OtherKept += p >= THRESHOLD ? 1 : 0;
                        otherSum += p;
                    }
                }
            }
        }

        // Probability that an evidence turn gets a higher relativity than another candidate (ties count half).
        double auc() {
            scored.sort(Comparator.comparingDouble(s -> s[0]));
            double rankSum = 0;
            long positives = 0;
            int i = 0;
            while (i < scored.size()) {
                int j = i;
                while (j < scored.size() && scored.get(j)[0] == scored.get(i)[0]) {
                    j++;
                }
                double midRank = (i + j + 1) / 2.0;
                for (int k = i; k < j; k++) {
                    if (scored.get(k)[1] == 1) {
                        rankSum += midRank;
                        positives++;
                    }
                }
                i = j;
            }
            long negatives = scored.size() - positives;
            return positives == 0 || negatives == 0
                    ? Double.NaN
                    : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "AUC %.3f; top 10: mean relativity evidence %.3f, other %.3f; at %.2f keeps %.3f of evidence"
                            + " and %.3f of the others",
                    auc(),
                    evidenceSum / Math.max(1, top10Evidence),
                    otherSum / Math.max(1, top10Other),
                    THRESHOLD,
                    top10EvidenceKept / (double) Math.max(1, top10Evidence),
                    top10OtherKept / (double) Math.max(1, top10Other));
        }
    }

    private int indexOfK(int k) {
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == k) {
                return i;
            }
        }
        return ks.length - 1;
    }

    private String figures(double[] r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ks.length; i++) {
            s.append(String.format(Locale.ROOT, " r@%d=%.3f", ks[i], r[i]));
        }
        return s.toString();
    }
}
