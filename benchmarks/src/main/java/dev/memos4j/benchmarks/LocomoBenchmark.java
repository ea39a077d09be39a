package dev.memos4j.benchmarks;

import dev.memos4j.benchmarks.locomo.CachingEmbedder;
import dev.memos4j.benchmarks.locomo.CrossValidation;
import dev.memos4j.benchmarks.locomo.LocomoConversation;
import dev.memos4j.benchmarks.locomo.RecallAtK;
import dev.memos4j.benchmarks.support.EmbedderNames;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.IngestMode;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.RetrievalMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * LoCoMo retrieval quality of the local engine: ingests each conversation's turns through {@code
 * addMessage} (one user per conversation, one call per session, {@code chat_time} = session date, content
 * "Speaker: text"), asks every question of categories 1-4 through {@code searchMemory}, and reports the
 * fraction of evidence turns found among the source turns of the top k memories.
 *
 * <pre>
 * java -Xmx2g -jar benchmarks/target/benchmarks.jar locomo --data DIR_OR_FILE [--k 5,10,25]
 *     [--mode bm25|dense|hybrid] [--embedder default|bge|minilm|none] [--cv on|off] [--vector-cache FILE]
 * </pre>
 *
 * With two or more conversations it then checks the free parameters leave-one-conversation-out (see
 * {@link CrossValidation}): fusion weights chosen and the relevance model fitted on all but one
 * conversation, scored on that one.
 *
 * The last line is {@code recall@5=0.xxx recall@10=0.xxx recall@25=0.xxx questions=N mode=M}.
 */
public final class LocomoBenchmark {

    private LocomoBenchmark() {}

    /** Runs the benchmark; returns the exit code. */
    public static int run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (!options.containsKey("data")) {
            System.err.println("usage: locomo --data PATH [--k 5,10,25] [--mode bm25|dense|hybrid]"
                    + " [--embedder default|bge|minilm|none] [--cv on|off] [--vector-cache FILE]");
            return 2;
        }
        int[] ks = Arrays.stream(options.getOrDefault("k", "5,10,25").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        String mode = options.getOrDefault("mode", "hybrid");
        RetrievalMode retrieval = switch (mode) {
            case "bm25" -> RetrievalMode.LEXICAL;
            case "dense" -> RetrievalMode.DENSE;
            case "hybrid" -> RetrievalMode.HYBRID;
            default -> throw new IllegalArgumentException("--mode must be bm25, dense or hybrid (was " + mode + ")");
        };
        Embedder model = EmbedderNames.named(options.getOrDefault("embedder", mode.equals("bm25") ? "none" : "default"))
                .orElseThrow(() -> new IllegalArgumentException("--embedder must be default, bge, minilm or none"));
        // The cross-validation pass ingests the same turns again: its vectors come from this cache.
        CachingEmbedder cache = model.enabled() ? new CachingEmbedder(model) : null;
        Embedder embedder = cache != null ? cache : model;
        // --vector-cache FILE keeps the vectors between runs (for measuring ranking changes quickly).
        Path vectorCache = options.containsKey("vector-cache") ? Path.of(options.get("vector-cache")) : null;
        if (cache != null && vectorCache != null) {
            cache.load(vectorCache);
        }
        List<LocomoConversation> conversations = LocomoConversation.load(Path.of(options.get("data")));
        Result result = evaluate(conversations, embedder, retrieval, ks, true);
        System.out.printf(
                Locale.ROOT,
                "embedder=%s ingest=%.1fs turns=%d search median=%.1fms p95=%.1fms%n",
                embedder.name(),
                result.ingestSeconds(),
                result.turns(),
                result.searchMedianMs(),
                result.searchP95Ms());
        for (Map.Entry<Integer, double[]> category : result.byCategory().entrySet()) {
            StringBuilder line = new StringBuilder("category " + category.getKey() + ":");
            double[] sums = category.getValue();
            int n = (int) sums[ks.length];
            for (int i = 0; i < ks.length; i++) {
                line.append(String.format(Locale.ROOT, " r@%d=%.3f", ks[i], sums[i] / n));
            }
            System.out.println(line + " questions=" + n);
        }
        if (cache != null && vectorCache != null) {
            cache.save(vectorCache);
        }
        if (conversations.size() >= 2 && !options.getOrDefault("cv", "on").equals("off")) {
            CrossValidation.run(conversations, embedder, retrieval, ks);
        }
        StringBuilder last = new StringBuilder();
        for (int i = 0; i < ks.length; i++) {
            last.append(String.format(Locale.ROOT, "recall@%d=%.3f ", ks[i], result.recall()[i]));
        }
        System.out.println(last + "questions=" + result.questions() + " mode=" + mode);
        return 0;
    }

    /** Figures of one evaluation. */
    public record Result(
            double[] recall,
            int questions,
            Map<Integer, double[]> byCategory,
            int turns,
            double ingestSeconds,
            double searchMedianMs,
            double searchP95Ms) {}

    /** Ingests and asks every conversation in one in-memory engine, one user per conversation. */
    public static Result evaluate(
            List<LocomoConversation> conversations, Embedder embedder, RetrievalMode mode, int[] ks, boolean progress) {
        int maxK = Arrays.stream(ks).max().orElse(10);
        double[] sums = new double[ks.length];
        Map<Integer, double[]> byCategory = new TreeMap<>();
        List<Double> latencies = new ArrayList<>();
        int questions = 0;
        int turns = 0;
        long ingestNanos = 0;
        try (LocalMemos memos = LocalMemos.builder()
                .inMemory()
                .embedder(embedder)
                .retrievalMode(mode)
                .ingestMode(IngestMode.EVERY_TURN) // one memory per turn, so each evidence turn is findable
                .build()) {
            for (LocomoConversation conversation : conversations) {
                LocomoConversation.Ingest ingest = conversation.ingest("locomo-" + conversation.name());
                String user = "locomo-" + conversation.name();
                long start = System.nanoTime();
                for (AddMessageRequest request : ingest.requests()) {
                    memos.addMessage(request).join();
                }
                turns += ingest.turns();
                ingestNanos += System.nanoTime() - start;
                for (LocomoConversation.Question question : conversation.questions()) {
                    long t0 = System.nanoTime();
                    List<MemoryDetail> found = memos.searchMemory(SearchMemoryRequest.builder()
                                    .userId(user)
                                    .query(question.question())
                                    .memoryLimitNumber(maxK)
                                    .includePreference(false)
                                    .build())
                            .join()
                            .memories();
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    List<String> ranked = new ArrayList<>();
                    for (MemoryDetail memory : found) {
                        ranked.add(LocomoConversation.sourceTurn(memory.sources(), ingest.turnIds()));
                    }
                    double[] category = byCategory.computeIfAbsent(question.category(), c -> new double[ks.length + 1]);
                    for (int i = 0; i < ks.length; i++) {
                        double recall = RecallAtK.of(question.evidence(), ranked, ks[i]);
                        sums[i] += recall;
                        category[i] += recall;
                    }
                    category[ks.length]++;
                    questions++;
                }
                if (progress) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s: %d sessions, %d questions so far%n",
                            conversation.name(),
                            conversation.sessions().size(),
                            questions);
                }
            }
        }
        double[] recall = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            recall[i] = questions == 0 ? 0.0 : sums[i] / questions;
        }
        latencies.sort(null);
        double median = latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2);
        double p95 =
                latencies.isEmpty() ? 0 : latencies.get((int) Math.min(latencies.size() - 1, latencies.size() * 0.95));
        return new Result(recall, questions, byCategory, turns, ingestNanos / 1e9, median, p95);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
