package dev.memos4j.local.internal;

import dev.memos4j.client.errors.MemosException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs writes in batches, in two stages on threads of their own: the first makes and embeds every write
 * waiting when it is free (one model call), the second writes every embedded write waiting when it is free
 * in one commit (one fsync); while one batch is committed, the next is embedded. The threads are apart from
 * the pool that serves searches, so a search never waits behind a write. A write's future completes (on the
 * callback executor, never on these threads) only once the commit that holds it is done.
 *
 * @param <T> a waiting write
 */
final class IngestQueue<T extends IngestQueue.Job<?>> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestQueue.class);
    private static final int CAPACITY = 10_000;
    private static final AtomicInteger QUEUES = new AtomicInteger();

    /**
     * A waiting write. The batch writer settles it ({@link #succeed} or {@link #fail}) on the queue's thread;
     * the queue then completes its future on the callback executor.
     *
     * @param <R> the write's result
     */
    abstract static class Job<R> {
        private final CompletableFuture<R> result = new CompletableFuture<>();
        private R value;
        private Throwable failure;
        private boolean settled;

        /** The write is committed. */
        final void succeed(R written) {
            if (!settled) {
                settled = true;
                value = written;
            }
        }

        /** The write failed; nothing of it was stored. */
        final void fail(Throwable cause) {
            if (!settled) {
                settled = true;
                failure = cause;
            }
        }

        /** Completes once the write is committed, or has failed. */
        final CompletableFuture<R> result() {
            return result;
        }

        final void complete(Executor callbacks) {
            Runnable completion = () -> {
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
            };
            try {
                callbacks.execute(completion);
            } catch (RejectedExecutionException e) {
                completion.run(); // the engine is closing: complete here rather than never
            }
        }
    }

    private final BlockingQueue<T> waiting = new LinkedBlockingQueue<>(CAPACITY);
    private final BlockingQueue<T> embedded = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<T>> embedStage;
    private final Consumer<List<T>> writeStage;
    private final int maxBatch;
    private final Executor callbacks;
    private final Thread embedder;
    private final Thread writer;
    private final Object lifecycle = new Object();
    private boolean closing;

    /**
     * A queue whose first thread hands {@code embedStage} up to {@code maxBatch} writes at a time (it settles
     * those that fail and returns the others), and whose second hands the writes so returned to {@code
     * writeStage}, which settles them; a write left unsettled fails. Futures complete on {@code callbacks}.
     */
    IngestQueue(Function<List<T>, List<T>> embedStage, Consumer<List<T>> writeStage, int maxBatch, Executor callbacks) {
        this.embedStage = embedStage;
        this.writeStage = writeStage;
        this.maxBatch = maxBatch;
        this.callbacks = callbacks;
        int queue = QUEUES.incrementAndGet();
        // Engine threads: the embedding runs on the first without a hop to another pool.
        this.embedder = LocalExecutor.thread(this::embedLoop, "memos-local-ingest-" + queue + "-embed");
        this.writer = LocalExecutor.thread(this::writeLoop, "memos-local-ingest-" + queue + "-write");
        embedder.start();
        writer.start();
    }

    /** Queues a write; it fails at once when the queue is full or closed. */
    CompletableFuture<?> submit(T job) {
        synchronized (lifecycle) {
            if (closing) {
                job.result().completeExceptionally(new MemosException("LocalMemos is closed"));
            } else if (!waiting.offer(job)) {
                job.result()
                        .completeExceptionally(new MemosException("local engine is overloaded: too many adds waiting"));
            }
        }
        return job.result();
    }

    private void embedLoop() {
        run(waiting, () -> closingNow() && waiting.isEmpty(), batch -> {
            List<T> ready = embedStage.apply(batch);
            for (T job : batch) {
                if (!ready.contains(job)) {
                    job.fail(new MemosException("the add was not written"));
                    job.complete(callbacks);
                }
            }
            embedded.addAll(ready);
        });
    }

    private void writeLoop() {
        run(embedded, () -> !embedder.isAlive() && embedded.isEmpty(), batch -> {
            long start = System.nanoTime();
            writeStage.accept(batch);
            LOG.debug("wrote {} adds in one commit in {} ms", batch.size(), (System.nanoTime() - start) / 1_000_000);
            settle(batch, new MemosException("the add was not written"));
        });
    }

    private boolean closingNow() {
        synchronized (lifecycle) {
            return closing;
        }
    }

    // Takes batches from {@code from} until {@code done}; a batch whose stage throws fails as a whole.
    private void run(BlockingQueue<T> from, BooleanSupplier done, Consumer<List<T>> stage) {
        List<T> batch = new ArrayList<>();
        while (true) {
            try {
                T first = from.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (done.getAsBoolean()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                from.drainTo(batch, maxBatch - 1);
                stage.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                from.drainTo(batch);
                settle(batch, new MemosException("LocalMemos is closed"));
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("writing a batch of {} adds failed", batch.size(), e);
                settle(batch, e);
            }
            batch.clear();
        }
    }

    // Fails the jobs left unsettled, then completes every job's future.
    private void settle(List<T> jobs, Throwable unsettled) {
        for (T job : jobs) {
            job.fail(unsettled);
            job.complete(callbacks);
        }
    }

    /** Writes what is queued (waiting up to 30 s), then stops the threads; later writes fail. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closing = true;
        }
        try {
            for (Thread thread : List.of(embedder, writer)) {
                thread.join(30_000);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(5_000);
                }
            }
        } catch (InterruptedException e) {
            embedder.interrupt();
            writer.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
