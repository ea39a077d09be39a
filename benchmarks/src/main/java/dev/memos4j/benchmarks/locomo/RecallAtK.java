package dev.memos4j.benchmarks.locomo;

import java.util.List;
import java.util.Set;

/** Recall@k of one question: the fraction of its evidence turns among the turns of the top k results. */
public final class RecallAtK {

    private RecallAtK() {}

    /**
     * @param evidence the turn ids holding the answer
     * @param rankedTurns the source turn ids of the results, best first (one entry per result)
     * @param k how many results count
     */
    public static double of(Set<String> evidence, List<String> rankedTurns, int k) {
        if (evidence.isEmpty()) {
            return 0.0;
        }
        long found = evidence.stream()
                .filter(id ->
                        rankedTurns.subList(0, Math.min(k, rankedTurns.size())).contains(id))
                .count();
        return (double) found / evidence.size();
    }
}
