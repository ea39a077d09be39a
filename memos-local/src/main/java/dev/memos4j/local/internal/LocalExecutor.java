package dev.memos4j.local.internal;

import dev.memos4j.client.internal.Futures;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pools that run the engine's blocking work (Lucene, embeddings), never the common pool, on
 * threads with a stack large enough for ONNX Runtime.
 */
public final class LocalExecutor {

    private static final int QUEUE_CAPACITY = 10_000;
    /**
     * The stack of the engine's threads. ONNX Runtime's native code needs more than the JVM's default 1 MB
     * thread stack: the first embedding crashed the whole process (SIGSEGV) on a 1.1 MB stack, ran on 1.3 MB.
     */
    static final long STACK_BYTES = 16L << 20;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private LocalExecutor() {}

    /** A pool of one thread per core (at least two), with a bounded queue; calls beyond it are rejected. */
    public static ExecutorService create() {
        return create("memos-local-");
    }

    /**
     * Like {@link #create()}, with threads named {@code prefix + pool + "-" + n}; idle threads end after 30 s.
     */
    public static ExecutorService create(String prefix) {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new EngineThread(runnable, prefix + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Whether the caller runs on one of the engine's threads, with their large stack. */
    static boolean onEngineThread() {
        return Thread.currentThread() instanceof EngineThread;
    }

    private static final class EngineThread extends Thread {
        EngineThread(Runnable runnable, String name) {
            super(null, runnable, name, STACK_BYTES);
        }
    }

    /**
     * Waits for {@code future} and returns its value; a failure is rethrown as it was thrown (not wrapped in
     * {@link CompletionException}) when it is unchecked.
     */
    public static <T> T await(CompletableFuture<T> future) {
        return Futures.join(future);
    }

    /** Lets queued work finish (up to 30 s), then stops the pool. */
    public static void shutdown(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
