package dev.memos4j.client.reliability;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds threads a test started and did not stop. Take a snapshot before, close everything, then
 * {@link #awaitNoneLeftSince} retries with GC for a while, since some JDK threads (the HTTP client's
 * selector) only end once their owner is unreachable.
 */
public final class ThreadLeaks {

    private final Set<Long> before;

    private ThreadLeaks(Set<Long> before) {
        this.before = before;
    }

    /** The threads alive now. */
    public static ThreadLeaks snapshot() {
        return new ThreadLeaks(
                Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet()));
    }

    /** Threads started since the snapshot whose names start with one of the prefixes and are still alive. */
    public Set<String> startedSince(String... prefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t.getId()))
                .map(Thread::getName)
                .filter(name -> startsWithAny(name, prefixes))
                .collect(Collectors.toSet());
    }

    /**
     * Waits (up to 10 s, only reached on a real leak) until no thread with one of the prefixes started since
     * the snapshot is alive; returns those still alive at the end, so the caller asserts it is empty.
     */
    public Set<String> awaitNoneLeftSince(String... prefixes) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Set<String> left = startedSince(prefixes);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(200);
            left = startedSince(prefixes);
        }
        return left;
    }

    /** Live thread count of the JVM. */
    public static int liveThreads() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
