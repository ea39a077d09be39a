package dev.memos4j.benchmarks.duplicates;

import dev.memos4j.benchmarks.support.Args;
import dev.memos4j.benchmarks.support.EmbedderNames;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.Message;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures where near-duplicate memories should merge: for labelled pairs ("same" = one memory said twice,
 * "distinct" = two memories that must stay apart), the cosine of their embeddings as the engine stores them
 * ({@code "[Monday, 1 December 2025] text"}, both said the same day) and without the date, the share of each
 * label at or above a range of thresholds, and what the engine itself does: each pair is added as two turns
 * of a fresh user, and the pair merged if one memory (or preference) results.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar duplicates [--pairs FILE.tsv] [--embedder default|bge|minilm]
 * </pre>
 *
 * The last line is {@code engine: same merged=a/n distinct merged=b/m max_distinct_cosine=x}.
 */
public final class DuplicateThresholdBenchmark {

    private static final String LABEL = "[Monday, 1 December 2025] ";
    private static final String CHAT_TIME = "2025-12-01 09:00:00";
    private static final double[] THRESHOLDS = {0.95, 0.96, 0.97, 0.975, 0.98, 0.985, 0.99};

    private DuplicateThresholdBenchmark() {}

    record Pair(boolean same, String first, String second) {}

    /** Runs the measurement; returns the exit code. */
    public static int run(String[] rawArgs) throws IOException {
        Args args = Args.parse(rawArgs, Set.of("pairs", "embedder"), Set.of());
        String embedderName = args.text("embedder").orElse("default");
        Embedder embedder = EmbedderNames.named(embedderName)
                .filter(Embedder::enabled)
                .orElseThrow(() -> new IllegalArgumentException(
                        "--embedder must be default, bge or minilm (was " + embedderName + ")"));
        List<Pair> pairs = pairs(args.text("pairs").map(Path::of).orElse(null));

        double[] dated = new double[pairs.size()];
        double[] plain = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            List<float[]> vectors =
                    embedder.embed(List.of(LABEL + pair.first(), LABEL + pair.second(), pair.first(), pair.second()));
            dated[i] = cosine(vectors.get(0), vectors.get(1));
            plain[i] = cosine(vectors.get(2), vectors.get(3));
            System.out.printf(
                    Locale.ROOT,
                    "%-8s dated=%.4f plain=%.4f  %s | %s%n",
                    pair.same() ? "same" : "distinct",
                    dated[i],
                    plain[i],
                    pair.first(),
                    pair.second());
        }
        double maxDistinct = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (!pairs.get(i).same()) {
                maxDistinct = Math.max(maxDistinct, Math.max(dated[i], plain[i]));
            }
        }
        System.out.printf(Locale.ROOT, "%nthreshold  same>=t (dated/plain)  distinct>=t (dated/plain)%n");
        for (double t : THRESHOLDS) {
            System.out.printf(
                    Locale.ROOT,
                    "%.3f      %s / %s            %s / %s%n",
                    t,
                    share(pairs, dated, t, true),
                    share(pairs, plain, t, true),
                    share(pairs, dated, t, false),
                    share(pairs, plain, t, false));
        }
        int[] merged = engineMerges(pairs, embedder);
        long same = pairs.stream().filter(Pair::same).count();
        System.out.printf(
                Locale.ROOT,
                "engine: same merged=%d/%d distinct merged=%d/%d max_distinct_cosine=%.4f embedder=%s%n",
                merged[0],
                same,
                merged[1],
                pairs.size() - same,
                maxDistinct,
                embedder.name());
        return 0;
    }

    // {same pairs merged, distinct pairs merged} by the engine's own ingest.
    private static int[] engineMerges(List<Pair> pairs, Embedder embedder) {
        int[] merged = new int[2];
        try (LocalMemos memos =
                LocalMemos.builder().inMemory().embedder(embedder).build()) {
            for (int i = 0; i < pairs.size(); i++) {
                Pair pair = pairs.get(i);
                String user = "pair-" + i;
                for (String text : List.of(pair.first(), pair.second())) {
                    memos.addMessage(AddMessageRequest.builder()
                                    .userId(user)
                                    .conversationId("c1")
                                    .addMessage(Message.user(text).withChatTime(CHAT_TIME))
                                    .build())
                            .join();
                }
                GetMemoryResponse stored = memos.getMemory(
                                GetMemoryRequest.builder().userId(user).build())
                        .join();
                // A turn that is all preference is stored as a preference: such a pair counts by those.
                if (stored.memoryDetailList().size()
                                + stored.preferenceDetailList().size()
                        == 1) {
                    merged[pair.same() ? 0 : 1]++;
                }
            }
        }
        return merged;
    }

    private static String share(List<Pair> pairs, double[] cosines, double threshold, boolean same) {
        int total = 0;
        int above = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).same() == same) {
                total++;
                if (cosines[i] >= threshold) {
                    above++;
                }
            }
        }
        return above + "/" + total;
    }

    static List<Pair> pairs(Path file) throws IOException {
        List<String> lines;
        if (file != null) {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = DuplicateThresholdBenchmark.class.getResourceAsStream("pairs.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("pairs.tsv is missing from the benchmarks jar");
                }
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 3 || !(columns[0].equals("same") || columns[0].equals("distinct"))) {
                throw new IllegalArgumentException(
                        "pairs line " + (n + 1) + " must be: same|distinct <TAB> first text <TAB> second text");
            }
            pairs.add(new Pair(columns[0].equals("same"), columns[1].strip(), columns[2].strip()));
        }
        return pairs;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
