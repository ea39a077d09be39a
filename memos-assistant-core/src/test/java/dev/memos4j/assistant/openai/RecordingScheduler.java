package dev.memos4j.assistant.openai;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs scheduled retries at once and records the delays asked for, so backoff tests never wait. */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {

    final List<Long> requestedDelaysMillis = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
        super(1, r -> {
            Thread t = new Thread(r, "test-retry-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        requestedDelaysMillis.add(unit.toMillis(delay));
        return super.schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        requestedDelaysMillis.add(unit.toMillis(delay));
        return super.schedule(callable, 0, TimeUnit.MILLISECONDS);
    }
}
