package dev.memos4j.client.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs scheduled retry waits at once and records how long they were meant to be, so no test sleeps. */
final class InstantScheduler extends ScheduledThreadPoolExecutor {

    final List<Duration> delays = new CopyOnWriteArrayList<>();

    InstantScheduler() {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "test-instant-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        delays.add(Duration.ofNanos(unit.toNanos(delay)));
        return super.schedule(command, 0, unit);
    }
}
