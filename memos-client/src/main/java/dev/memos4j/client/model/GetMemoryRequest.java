package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request of {@code get/memory}: list a user's or agent's memories page by page.
 *
 *
 * @param userId the user (exactly one of user and agent)
 * @param agentId the agent (exactly one of user and agent)
 * @param page the page, 1-based (default 1)
 * @param size the entries per memory category per page, 1..50 (default 10)
 * @param includePreference whether to list preferences (default true)
 * @param includeToolMemory whether to list tool memories (default true)
 * @param includeMemoryView the memory views to include
 * @param filter a filter object
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GetMemoryRequest(
        @JsonProperty("user_id") Optional<String> userId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("page") Integer page,
        @JsonProperty("size") Integer size,
        @JsonProperty("include_preference") Boolean includePreference,
        @JsonProperty("include_tool_memory") Boolean includeToolMemory,
        @JsonProperty("include_memory_view") Optional<List<String>> includeMemoryView,
        @JsonProperty("filter") Optional<Map<String, Object>> filter) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param userId the user (exactly one of user and agent)
     * @param agentId the agent (exactly one of user and agent)
     * @param page the page, 1-based (default 1)
     * @param size the entries per memory category per page, 1..50 (default 10)
     * @param includePreference whether to list preferences (default true)
     * @param includeToolMemory whether to list tool memories (default true)
     * @param includeMemoryView the memory views to include
     * @param filter a filter object
     */
    public GetMemoryRequest {
        userId = Models.optText(userId, "user_id");
        agentId = Models.optText(agentId, "agent_id");
        page = page == null ? 1 : page;
        size = size == null ? 10 : size;
        includePreference = includePreference == null ? true : includePreference;
        includeToolMemory = includeToolMemory == null ? true : includeToolMemory;
        includeMemoryView = Models.optList(includeMemoryView);
        filter = Models.opt(filter).map(Models::map);
        Models.requireExactlyOneSubject(userId.orElse(null), agentId.orElse(null));
        if (size > 50) {
            throw new IllegalArgumentException("size must be less than or equal to 50");
        }
        Models.requireRange(size, "size", 1, 50);
        Models.requireRange(page, "page", 1, Integer.MAX_VALUE);
        Filters.validate(filter.orElse(null));
    }

    /**
     * A new builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder holding this request's values
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.userId = userId.orElse(null);
        b.agentId = agentId.orElse(null);
        b.page = page;
        b.size = size;
        b.includePreference = includePreference;
        b.includeToolMemory = includeToolMemory;
        b.includeMemoryView = includeMemoryView.orElse(null);
        b.filter = filter.orElse(null);
        return b;
    }

    /** Builder of {@link GetMemoryRequest}. */
    public static final class Builder {
        private String userId;
        private String agentId;
        private Integer page;
        private Integer size;
        private Boolean includePreference;
        private Boolean includeToolMemory;
        private List<String> includeMemoryView;
        private Map<String, Object> filter;

        private Builder() {}

        /**
         * Sets the user (exactly one of user and agent).
         *
         * @param userId the user (exactly one of user and agent)
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Sets the agent (exactly one of user and agent).
         *
         * @param agentId the agent (exactly one of user and agent)
         * @return this builder
         */
        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        /**
         * Sets the page, 1-based (default 1).
         *
         * @param page the page, 1-based (default 1)
         * @return this builder
         */
        public Builder page(int page) {
            this.page = page;
            return this;
        }

        /**
         * Sets the entries per memory category per page, 1..50 (default 10).
         *
         * @param size the entries per memory category per page, 1..50 (default 10)
         * @return this builder
         */
        public Builder size(int size) {
            this.size = size;
            return this;
        }

        /**
         * Sets whether to list preferences (default true).
         *
         * @param includePreference whether to list preferences (default true)
         * @return this builder
         */
        public Builder includePreference(boolean includePreference) {
            this.includePreference = includePreference;
            return this;
        }

        /**
         * Sets whether to list tool memories (default true).
         *
         * @param includeToolMemory whether to list tool memories (default true)
         * @return this builder
         */
        public Builder includeToolMemory(boolean includeToolMemory) {
            this.includeToolMemory = includeToolMemory;
            return this;
        }

        /**
         * Sets the memory views to include.
         *
         * @param includeMemoryView the memory views to include
         * @return this builder
         */
        public Builder includeMemoryView(List<String> includeMemoryView) {
            this.includeMemoryView = includeMemoryView;
            return this;
        }

        /**
         * Sets a filter object.
         *
         * @param filter a filter object
         * @return this builder
         */
        public Builder filter(Map<String, Object> filter) {
            this.filter = filter;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public GetMemoryRequest build() {
            return new GetMemoryRequest(
                    Optional.ofNullable(userId),
                    Optional.ofNullable(agentId),
                    page,
                    size,
                    includePreference,
                    includeToolMemory,
                    Optional.ofNullable(includeMemoryView),
                    Optional.ofNullable(filter));
        }
    }
}
