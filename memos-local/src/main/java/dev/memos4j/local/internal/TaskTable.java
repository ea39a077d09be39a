package dev.memos4j.local.internal;

import static dev.memos4j.local.internal.RecordViews.notFound;

import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.TaskStatusResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The status of the engine's tasks, kept in memory while it is open. */
final class TaskTable {

    // The most recent tasks only, so a long-running process does not grow without bound.
    private static final int MAX_TASKS = 100_000;
    private final Map<String, TaskStatusResponse> tasks =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TaskStatusResponse> eldest) {
                    return size() > MAX_TASKS;
                }
            });

    /** Records a task's status with the number of records it added and updated. */
    void put(String taskId, TaskStatus status, int added, int updated) {
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("added", added);
        if (updated > 0) {
            views.put("updated", updated);
        }
        tasks.put(taskId, new TaskStatusResponse(taskId, status, Optional.of(views), Map.of()));
    }

    /** The status of a task of this engine. */
    TaskStatusResponse get(String taskId) {
        TaskStatusResponse status = tasks.get(taskId);
        if (status == null) {
            throw notFound(50131, "task not found: " + taskId);
        }
        return status;
    }
}
