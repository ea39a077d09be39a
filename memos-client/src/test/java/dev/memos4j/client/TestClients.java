package dev.memos4j.client;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Clients and helpers shared by the HTTP tests. */
final class TestClients {

    static final String KEY = "test-key";

    private TestClients() {}

    /** A builder pointed at WireMock under {@code /openmem/v1}, with a recording scheduler. */
    static MemosClientBuilder builder(WireMockRuntimeInfo wm, RecordingScheduler scheduler) {
        return MemosClient.builder()
                .apiKey(KEY)
                .baseUrl(wm.getHttpBaseUrl() + "/openmem/v1/")
                .scheduler(scheduler)
                .timeout(Duration.ofSeconds(5));
    }

    static String envelope(String data) {
        return "{\"code\":0,\"message\":\"ok\",\"data\":" + data + "}";
    }

    /** Runs scheduled work at once and remembers the delay it was asked for: backoff tests never wait. */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Duration> delays = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1, runnable -> {
                Thread thread = new Thread(runnable, "test-scheduler");
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
}
