package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * The state of an asynchronous task ({@code get/status}). The legacy list shape of the service is
 * normalised to this form, and a missing {@code task_id} is filled with the id that was asked for.
 *
 * @param taskId the task id
 * @param status {@code running}, {@code completed}, {@code failed}, or a newer value
 * @param memoryViews what the task changed, e.g. {@code {"added": 1}}, when reported
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TaskStatusResponse(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("status") TaskStatus status,
        @JsonProperty("memory_views") Optional<Map<String, Object>> memoryViews,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param taskId the task id
     * @param status {@code running}, {@code completed}, {@code failed}, or a newer value
     * @param memoryViews what the task changed, e.g. {@code {"added": 1}}, when reported
     * @param additionalProperties fields this version does not know
     */
    public TaskStatusResponse {
        taskId = taskId == null ? "" : taskId;
        status = status == null ? TaskStatus.RUNNING : status;
        memoryViews = Models.opt(memoryViews);
        additionalProperties = Models.map(additionalProperties);
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
