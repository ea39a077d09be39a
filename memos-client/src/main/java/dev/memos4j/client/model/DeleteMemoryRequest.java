package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request of {@code delete/memory}. Exactly one deletion mode: by memory ids, all of a user's memories,
 * all of an agent's memories, or by filter; optionally narrowed by memory type. Only the active mode is
 * sent.
 *
 * <pre>{@code
 * DeleteMemoryRequest.byIds(List.of(memoryId));
 * DeleteMemoryRequest.byUser("user-123");
 * }</pre>
 *
 * @param memoryIds delete these memories
 * @param userId delete all of this user's memories
 * @param agentId delete all of this agent's memories
 * @param filter delete the memories matching this filter
 * @param memoryType narrow the deletion to one memory type
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record DeleteMemoryRequest(
        @JsonProperty("memory_ids") Optional<List<String>> memoryIds,
        @JsonProperty("user_id") Optional<String> userId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("filter") Optional<Map<String, Object>> filter,
        @JsonProperty("memory_type") Optional<String> memoryType) {

    /**
     * Validates: exactly one deletion mode.
     *
     * @param memoryIds delete these memories
     * @param userId delete all of this user's memories
     * @param agentId delete all of this agent's memories
     * @param filter delete the memories matching this filter
     * @param memoryType narrow the deletion to one memory type
     */
    public DeleteMemoryRequest {
        // A condition that was given but is empty must fail, never fall away: an empty memory_ids beside a
        // user_id would otherwise turn "delete these (none)" into "delete all of the user".
        memoryIds = Models.optList(memoryIds);
        memoryIds.ifPresent(ids -> {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException(
                        "memory_ids must not be empty when given (byUser deletes all of a user's memories)");
            }
            Models.requireNonEmpty(ids, "memory_ids");
        });
        userId = Models.opt(userId);
        userId.ifPresent(id -> requireText(id, "user_id"));
        agentId = Models.opt(agentId);
        agentId.ifPresent(id -> requireText(id, "agent_id"));
        filter = Models.opt(filter).map(Models::map);
        memoryType = Models.opt(memoryType);
        int modes = (memoryIds.isPresent() ? 1 : 0)
                + (userId.isPresent() ? 1 : 0)
                + (agentId.isPresent() ? 1 : 0)
                + (filter.isPresent() ? 1 : 0);
        if (modes != 1) {
            throw new IllegalArgumentException("exactly one delete condition is required"
                    + " (memory_ids, user_id, agent_id or filter; got " + modes + ")");
        }
        filter.ifPresent(Filters::validate);
    }

    private static void requireText(String value, String field) {
        if (!Models.hasText(value)) {
            throw new IllegalArgumentException(field + " must not be blank when given");
        }
    }

    /**
     * Deletes these memories.
     *
     * @param memoryIds the ids of the memories to delete
     * @return the validated request
     */
    public static DeleteMemoryRequest byIds(List<String> memoryIds) {
        return new DeleteMemoryRequest(Optional.ofNullable(memoryIds), null, null, null, null);
    }

    /**
     * Deletes all of a user's memories.
     *
     * @param userId the user whose memories are deleted
     * @return the validated request
     */
    public static DeleteMemoryRequest byUser(String userId) {
        return new DeleteMemoryRequest(null, Optional.ofNullable(userId), null, null, null);
    }

    /**
     * Deletes all of an agent's memories.
     *
     * @param agentId the agent whose memories are deleted
     * @return the validated request
     */
    public static DeleteMemoryRequest byAgent(String agentId) {
        return new DeleteMemoryRequest(null, null, Optional.ofNullable(agentId), null, null);
    }

    /**
     * Deletes the memories matching a filter.
     *
     * @param filter a filter object: {@code {"and": [...]}} or {@code {"or": [...]}}
     * @return the validated request
     */
    public static DeleteMemoryRequest byFilter(Map<String, Object> filter) {
        return new DeleteMemoryRequest(null, null, null, Optional.ofNullable(filter), null);
    }

    /**
     * This request narrowed to one memory type.
     *
     * @param memoryType the memory type to delete, e.g. {@code LongTermMemory}
     * @return this request narrowed to one memory type
     */
    public DeleteMemoryRequest withMemoryType(String memoryType) {
        return new DeleteMemoryRequest(memoryIds, userId, agentId, filter, Optional.ofNullable(memoryType));
    }
}
