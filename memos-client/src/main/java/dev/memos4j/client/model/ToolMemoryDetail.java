package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tool memory ({@code tool_memory_detail_list} item).
 *
 * @param id memory id
 * @param toolType {@code ToolTrajectoryMemory}, {@code ToolSchemaMemory} (or {@code ToolSchema})
 * @param toolValue a string for trajectories, a JSON object (as a map) for schema memories
 * @param toolUsedStatus per-tool usage records ({@code used_tool}, {@code success_rate}, ...)
 * @param experience what was learned
 * @param createTime creation time
 * @param updateTime last update time
 * @param conversationId originating conversation
 * @param status usually {@code activated}
 * @param relativity relevance to the query, 0..1
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ToolMemoryDetail(
        @JsonProperty("id") String id,
        @JsonProperty("tool_type") Optional<String> toolType,
        @JsonProperty("tool_value") Optional<Object> toolValue,
        @JsonProperty("tool_used_status") List<Map<String, Object>> toolUsedStatus,
        @JsonProperty("experience") Optional<String> experience,
        @JsonProperty("create_time") Optional<Timestamp> createTime,
        @JsonProperty("update_time") Optional<Timestamp> updateTime,
        @JsonProperty("conversation_id") Optional<String> conversationId,
        @JsonProperty("status") Optional<String> status,
        @JsonProperty("relativity") Optional<Double> relativity,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param id memory id
     * @param toolType {@code ToolTrajectoryMemory}, {@code ToolSchemaMemory} (or {@code ToolSchema})
     * @param toolValue a string for trajectories, a JSON object (as a map) for schema memories
     * @param toolUsedStatus per-tool usage records ({@code used_tool}, {@code success_rate}, ...)
     * @param experience what was learned
     * @param createTime creation time
     * @param updateTime last update time
     * @param conversationId originating conversation
     * @param status usually {@code activated}
     * @param relativity relevance to the query, 0..1
     * @param additionalProperties fields this version does not know
     */
    public ToolMemoryDetail {
        id = id == null ? "" : id;
        toolType = Models.opt(toolType);
        toolValue = Models.opt(toolValue);
        toolUsedStatus = Models.list(toolUsedStatus);
        experience = Models.opt(experience);
        createTime = Models.opt(createTime);
        updateTime = Models.opt(updateTime);
        conversationId = Models.opt(conversationId);
        status = Models.opt(status);
        relativity = Models.opt(relativity);
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
