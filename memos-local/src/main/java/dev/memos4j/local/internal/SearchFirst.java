package dev.memos4j.local.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives searches the CPU before writes. While any search of the process runs, a write's model work runs on
 * one thread, which yields after each text for as long as that text took of its CPU: writes then take at
 * most half of one core, whatever the machine, and searches the rest. Once no search runs, the yield ends
 * at once and writes use every core again. Writes always go on, so a stream of searches slows ingest down
 * but never stops it.
 *
 * <p>Process-wide, as the CPU and the loaded models are: the searches of one engine make the writes of
 * another in the same process yield too.
 */
final class SearchFirst {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition QUIET = LOCK.newCondition();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static int searching;

    private SearchFirst() {}

    /** Marks a search as running until the returned handle is closed. */
    static Search search() {
        LOCK.lock();
        try {
            searching++;
        } finally {
            LOCK.unlock();
        }
        return new Search();
    }

    /** Whether a search is running now. */
    static boolean searching() {
        LOCK.lock();
        try {
            return searching > 0;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * The CPU time of the calling thread: what a write's yield is measured in. Wall time would count the
     * time the write waited for a core too, and make it yield more than its share.
     */
    static long cpuNanos() {
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return cpu >= 0 ? cpu : System.nanoTime(); // -1 where measuring it is switched off
    }

    /**
     * Called by a write after a unit of model work that took {@code tookNanos} of CPU ({@link #cpuNanos}):
     * waits as long while searches run, returning early when the last of them ends.
     */
    static void yieldAfter(long tookNanos) {
        LOCK.lock();
        try {
            long left = tookNanos;
            while (searching > 0 && left > 0) {
                left = QUIET.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the ingest thread is being stopped: stop yielding
        } finally {
            LOCK.unlock();
        }
    }

    /** A running search; closing it more than once counts once. */
    static final class Search implements AutoCloseable {
        private final AtomicBoolean closed = new AtomicBoolean();

        private Search() {}

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            LOCK.lock();
            try {
                if (--searching == 0) {
                    QUIET.signalAll();
                }
            } finally {
                LOCK.unlock();
            }
        }
    }
}
