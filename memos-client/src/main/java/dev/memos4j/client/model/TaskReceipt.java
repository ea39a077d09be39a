package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code add/message} and {@code add/feedback} return: whether the work was accepted and the task
 * that processes it. With {@code async_mode} the status is {@code running}; poll it with
 * {@code MemosClient.awaitTask}.
 *
 * @param success whether the service accepted the request
 * @param taskId the task id for {@code get/status} (older service versions omit it)
 * @param status {@code running}, {@code completed} or {@code failed} (older versions omit it)
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TaskReceipt(
        @JsonProperty("success") boolean success,
        @JsonProperty("task_id") Optional<String> taskId,
        @JsonProperty("status") Optional<TaskStatus> status,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param success whether the service accepted the request
     * @param taskId the task id for {@code get/status} (older service versions omit it)
     * @param status {@code running}, {@code completed} or {@code failed} (older versions omit it)
     * @param additionalProperties fields this version does not know
     */
    public TaskReceipt {
        taskId = Models.opt(taskId);
        status = Models.opt(status);
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * A successful receipt for a task.
     *
     * @param taskId the task id
     * @param status the task status
     * @return a successful receipt for a task
     */
    public static TaskReceipt of(String taskId, TaskStatus status) {
        return new TaskReceipt(true, Optional.of(taskId), Optional.of(status), null);
    }

    /**
     * Fields this version does not know, as received.
     *
     * @return fields this version does not know, as received
     */
    @Override
    @JsonAnyGetter
    public Map<String, Object> additionalProperties() {
        return additionalProperties;
    }
}
