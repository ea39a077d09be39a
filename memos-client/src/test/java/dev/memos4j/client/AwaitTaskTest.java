package dev.memos4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.TaskStatusResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link MemosClient#awaitTask} polls until the task ends, the deadline passes or the status call fails. */
class AwaitTaskTest {

    private static final Duration FAST = Duration.ofMillis(1);

    private static TaskStatusResponse status(TaskStatus status) {
        return new TaskStatusResponse("task-1", status, null, null);
    }

    /** A fake whose status calls answer with the given statuses, in order. */
    private static ProxyMemosClient answering(TaskStatus... statuses) {
        Iterator<TaskStatus> next = List.of(statuses).iterator();
        return new ProxyMemosClient()
                .answer("getTaskStatus", args -> CompletableFuture.completedFuture(status(next.next())));
    }

    @Test
    void pollsUntilTheTaskCompletes() throws Exception {
        ProxyMemosClient fake = answering(TaskStatus.RUNNING, TaskStatus.of("pending"), TaskStatus.COMPLETED);

        TaskStatusResponse done =
                fake.client.awaitTask("task-1", Duration.ofSeconds(30), FAST).get(10, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(fake.calls).hasSize(3).allSatisfy(call -> {
            assertThat(call.args().get(0)).isEqualTo("task-1");
            assertThat(call.options()).isSameAs(RequestOptions.none());
        });
    }

    @Test
    void aFailedTaskIsAnAnswerNotAnError() throws Exception {
        ProxyMemosClient fake = answering(TaskStatus.RUNNING, TaskStatus.FAILED);

        TaskStatusResponse done =
                fake.client.awaitTask("task-1", Duration.ofSeconds(30), FAST).get(10, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(fake.calls).hasSize(2);
    }

    @Test
    void failsWithATimeoutWhenTheNextPollWouldPassTheDeadline() {
        ProxyMemosClient fake = answering(TaskStatus.RUNNING);

        // the deadline (1 ms) is nearer than the next poll (1 h): the first running answer ends the wait
        CompletableFuture<TaskStatusResponse> waiting =
                fake.client.awaitTask("task-1", Duration.ofMillis(1), Duration.ofHours(1));

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(MemosTimeoutException.class)
                .hasRootCauseMessage("task task-1 still running at the deadline");
        assertThat(fake.calls).hasSize(1);
    }

    @Test
    void propagatesTheStatusCallsFailureUnwrapped() {
        MemosServerException down = new MemosServerException(503, null, "unavailable", "req-9", null);
        ProxyMemosClient direct =
                new ProxyMemosClient().answer("getTaskStatus", args -> CompletableFuture.failedFuture(down));
        ProxyMemosClient wrapped = new ProxyMemosClient()
                .answer("getTaskStatus", args -> CompletableFuture.failedFuture(new CompletionException(down)));

        for (ProxyMemosClient fake : List.of(direct, wrapped)) {
            CompletableFuture<TaskStatusResponse> waiting =
                    fake.client.awaitTask("task-1", Duration.ofSeconds(30), FAST);
            assertThatThrownBy(waiting::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isSameAs(down);
        }
    }

    @Test
    void aCancelledWaitPollsNoMore() {
        ProxyMemosClient fake = answering(TaskStatus.RUNNING);
        CompletableFuture<TaskStatusResponse> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);

        TaskPoller.poll(fake.client, "task-1", System.nanoTime() + TimeUnit.SECONDS.toNanos(30), FAST, cancelled);

        assertThat(fake.calls).isEmpty();
    }

    @Test
    void theTwoArgumentFormPollsUntilCompletion() throws Exception {
        ProxyMemosClient fake = answering(TaskStatus.COMPLETED);

        assertThat(fake.client
                        .awaitTask("task-1", Duration.ofSeconds(30))
                        .get(10, TimeUnit.SECONDS)
                        .status())
                .isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void refusesBadArgumentsBeforeAnyCall() {
        ProxyMemosClient fake = answering(TaskStatus.COMPLETED);
        MemosClient client = fake.client;

        assertThatThrownBy(() -> client.awaitTask(" ", Duration.ofSeconds(1), FAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_id is required");
        assertThatThrownBy(() -> client.awaitTask(null, Duration.ofSeconds(1), FAST))
                .hasMessage("task_id is required");
        assertThatThrownBy(() -> client.awaitTask("task-1", Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pollInterval must be positive (was PT0S)");
        assertThatThrownBy(() -> client.awaitTask("task-1", null, FAST))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("timeout");
        assertThatThrownBy(() -> client.awaitTask("task-1", Duration.ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("pollInterval");
        assertThat(fake.calls).isEmpty();
    }
}
