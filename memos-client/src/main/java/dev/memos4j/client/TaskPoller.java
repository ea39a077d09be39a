package dev.memos4j.client;

import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.model.TaskStatusResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Non-blocking polling for {@link MemosClient#awaitTask}: each poll is scheduled, never slept. */
final class TaskPoller {

    private TaskPoller() {}

    static void poll(
            MemosClient client,
            String taskId,
            long deadlineNanos,
            Duration interval,
            CompletableFuture<TaskStatusResponse> result) {
        if (result.isDone()) {
            return; // cancelled by the caller
        }
        client.getTaskStatus(taskId).whenComplete((status, error) -> {
            if (error != null) {
                result.completeExceptionally(Futures.unwrap(error));
            } else if (status.status().isTerminal()) {
                result.complete(status);
            } else if (System.nanoTime() + interval.toNanos() > deadlineNanos) {
                result.completeExceptionally(
                        new MemosTimeoutException("task " + taskId + " still " + status.status() + " at the deadline"));
            } else {
                CompletableFuture.delayedExecutor(interval.toNanos(), TimeUnit.NANOSECONDS)
                        .execute(() -> poll(client, taskId, deadlineNanos, interval, result));
            }
        });
    }
}
