package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request of {@code search/memory}: recall the memories relevant to a query for one user or agent.
 *
 * <pre>{@code
 * SearchMemoryRequest request = SearchMemoryRequest.builder()
 *     .query("What plans do I have for the weekend?")
 *     .userId("user-123")
 *     .memoryLimitNumber(6)
 *     .build();
 * }</pre>
 *
 * @param query the query text (required)
 * @param userId the user (exactly one of user and agent)
 * @param agentId the agent (exactly one of user and agent)
 * @param conversationId the current conversation: a soft boost, not a filter
 * @param memoryLimitNumber the maximum number of fact memories, 0..25 (default 6)
 * @param includePreference whether to return preferences (default true)
 * @param preferenceLimitNumber the maximum number of preferences, 0..25 (default 6)
 * @param includeToolMemory whether to return tool memories (default false)
 * @param toolMemoryLimitNumber the maximum number of tool memories, 0..25 (default 6)
 * @param includeSkill whether to return skills (default false)
 * @param skillLimitNumber the maximum number of skills, 0..25 (default 6)
 * @param knowledgebaseIds the knowledge bases to search ({@code ["all"]} for every linked one)
 * @param filter a filter object: {@code {"and": [...]}} or {@code {"or": [...]}}
 * @param relativity the relevance threshold, 0..1: items below it are dropped
 * @param includeMemoryView the memory views to include
 * @param contextFormat the context format
 * @param source a free-form channel label
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchMemoryRequest(
        @JsonProperty("query") String query,
        @JsonProperty("user_id") Optional<String> userId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("conversation_id") Optional<String> conversationId,
        @JsonProperty("memory_limit_number") Integer memoryLimitNumber,
        @JsonProperty("include_preference") Boolean includePreference,
        @JsonProperty("preference_limit_number") Integer preferenceLimitNumber,
        @JsonProperty("include_tool_memory") Boolean includeToolMemory,
        @JsonProperty("tool_memory_limit_number") Integer toolMemoryLimitNumber,
        @JsonProperty("include_skill") Boolean includeSkill,
        @JsonProperty("skill_limit_number") Integer skillLimitNumber,
        @JsonProperty("knowledgebase_ids") Optional<List<String>> knowledgebaseIds,
        @JsonProperty("filter") Optional<Map<String, Object>> filter,
        @JsonProperty("relativity") Optional<Double> relativity,
        @JsonProperty("include_memory_view") Optional<List<String>> includeMemoryView,
        @JsonProperty("context_format") Optional<String> contextFormat,
        @JsonProperty("source") Optional<String> source) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param query the query text (required)
     * @param userId the user (exactly one of user and agent)
     * @param agentId the agent (exactly one of user and agent)
     * @param conversationId the current conversation: a soft boost, not a filter
     * @param memoryLimitNumber the maximum number of fact memories, 0..25 (default 6)
     * @param includePreference whether to return preferences (default true)
     * @param preferenceLimitNumber the maximum number of preferences, 0..25 (default 6)
     * @param includeToolMemory whether to return tool memories (default false)
     * @param toolMemoryLimitNumber the maximum number of tool memories, 0..25 (default 6)
     * @param includeSkill whether to return skills (default false)
     * @param skillLimitNumber the maximum number of skills, 0..25 (default 6)
     * @param knowledgebaseIds the knowledge bases to search ({@code ["all"]} for every linked one)
     * @param filter a filter object: {@code {"and": [...]}} or {@code {"or": [...]}}
     * @param relativity the relevance threshold, 0..1: items below it are dropped
     * @param includeMemoryView the memory views to include
     * @param contextFormat the context format
     * @param source a free-form channel label
     */
    public SearchMemoryRequest {
        Models.requireText(query, "query");
        userId = Models.optText(userId, "user_id");
        agentId = Models.optText(agentId, "agent_id");
        conversationId = Models.optText(conversationId, "conversation_id");
        memoryLimitNumber = memoryLimitNumber == null ? 6 : memoryLimitNumber;
        includePreference = includePreference == null ? true : includePreference;
        preferenceLimitNumber = preferenceLimitNumber == null ? 6 : preferenceLimitNumber;
        includeToolMemory = includeToolMemory == null ? false : includeToolMemory;
        toolMemoryLimitNumber = toolMemoryLimitNumber == null ? 6 : toolMemoryLimitNumber;
        includeSkill = includeSkill == null ? false : includeSkill;
        skillLimitNumber = skillLimitNumber == null ? 6 : skillLimitNumber;
        knowledgebaseIds = Models.optList(knowledgebaseIds);
        filter = Models.opt(filter).map(Models::map);
        relativity = Models.opt(relativity);
        includeMemoryView = Models.optList(includeMemoryView);
        contextFormat = Models.opt(contextFormat);
        source = Models.opt(source);
        Models.requireExactlyOneSubject(userId.orElse(null), agentId.orElse(null));
        Models.requireRange(memoryLimitNumber, "memory_limit_number", 0, 25);
        Models.requireRange(preferenceLimitNumber, "preference_limit_number", 0, 25);
        Models.requireRange(toolMemoryLimitNumber, "tool_memory_limit_number", 0, 25);
        Models.requireRange(skillLimitNumber, "skill_limit_number", 0, 25);
        Models.requireRange(relativity.orElse(null), "relativity", 0.0, 1.0);
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
        b.query = query;
        b.userId = userId.orElse(null);
        b.agentId = agentId.orElse(null);
        b.conversationId = conversationId.orElse(null);
        b.memoryLimitNumber = memoryLimitNumber;
        b.includePreference = includePreference;
        b.preferenceLimitNumber = preferenceLimitNumber;
        b.includeToolMemory = includeToolMemory;
        b.toolMemoryLimitNumber = toolMemoryLimitNumber;
        b.includeSkill = includeSkill;
        b.skillLimitNumber = skillLimitNumber;
        b.knowledgebaseIds = knowledgebaseIds.orElse(null);
        b.filter = filter.orElse(null);
        b.relativity = relativity.orElse(null);
        b.includeMemoryView = includeMemoryView.orElse(null);
        b.contextFormat = contextFormat.orElse(null);
        b.source = source.orElse(null);
        return b;
    }

    /** Builder of {@link SearchMemoryRequest}. */
    public static final class Builder {
        private String query;
        private String userId;
        private String agentId;
        private String conversationId;
        private Integer memoryLimitNumber;
        private Boolean includePreference;
        private Integer preferenceLimitNumber;
        private Boolean includeToolMemory;
        private Integer toolMemoryLimitNumber;
        private Boolean includeSkill;
        private Integer skillLimitNumber;
        private List<String> knowledgebaseIds;
        private Map<String, Object> filter;
        private Double relativity;
        private List<String> includeMemoryView;
        private String contextFormat;
        private String source;

        private Builder() {}

        /**
         * Sets the query text (required).
         *
         * @param query the query text (required)
         * @return this builder
         */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

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
         * Sets the current conversation: a soft boost, not a filter.
         *
         * @param conversationId the current conversation: a soft boost, not a filter
         * @return this builder
         */
        public Builder conversationId(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        /**
         * Sets the maximum number of fact memories, 0..25 (default 6).
         *
         * @param memoryLimitNumber the maximum number of fact memories, 0..25 (default 6)
         * @return this builder
         */
        public Builder memoryLimitNumber(int memoryLimitNumber) {
            this.memoryLimitNumber = memoryLimitNumber;
            return this;
        }

        /**
         * Sets whether to return preferences (default true).
         *
         * @param includePreference whether to return preferences (default true)
         * @return this builder
         */
        public Builder includePreference(boolean includePreference) {
            this.includePreference = includePreference;
            return this;
        }

        /**
         * Sets the maximum number of preferences, 0..25 (default 6).
         *
         * @param preferenceLimitNumber the maximum number of preferences, 0..25 (default 6)
         * @return this builder
         */
        public Builder preferenceLimitNumber(int preferenceLimitNumber) {
            this.preferenceLimitNumber = preferenceLimitNumber;
            return this;
        }

        /**
         * Sets whether to return tool memories (default false).
         *
         * @param includeToolMemory whether to return tool memories (default false)
         * @return this builder
         */
        public Builder includeToolMemory(boolean includeToolMemory) {
            this.includeToolMemory = includeToolMemory;
            return this;
        }

        /**
         * Sets the maximum number of tool memories, 0..25 (default 6).
         *
         * @param toolMemoryLimitNumber the maximum number of tool memories, 0..25 (default 6)
         * @return this builder
         */
        public Builder toolMemoryLimitNumber(int toolMemoryLimitNumber) {
            this.toolMemoryLimitNumber = toolMemoryLimitNumber;
            return this;
        }

        /**
         * Sets whether to return skills (default false).
         *
         * @param includeSkill whether to return skills (default false)
         * @return this builder
         */
        public Builder includeSkill(boolean includeSkill) {
            this.includeSkill = includeSkill;
            return this;
        }

        /**
         * Sets the maximum number of skills, 0..25 (default 6).
         *
         * @param skillLimitNumber the maximum number of skills, 0..25 (default 6)
         * @return this builder
         */
        public Builder skillLimitNumber(int skillLimitNumber) {
            this.skillLimitNumber = skillLimitNumber;
            return this;
        }

        /**
         * Sets the knowledge bases to search ({@code ["all"]} for every linked one).
         *
         * @param knowledgebaseIds the knowledge bases to search ({@code ["all"]} for every linked one)
         * @return this builder
         */
        public Builder knowledgebaseIds(List<String> knowledgebaseIds) {
            this.knowledgebaseIds = knowledgebaseIds;
            return this;
        }

        /**
         * Sets a filter object: {@code {"and": [...]}} or {@code {"or": [...]}}.
         *
         * @param filter a filter object: {@code {"and": [...]}} or {@code {"or": [...]}}
         * @return this builder
         */
        public Builder filter(Map<String, Object> filter) {
            this.filter = filter;
            return this;
        }

        /**
         * Sets the relevance threshold, 0..1: items below it are dropped.
         *
         * @param relativity the relevance threshold, 0..1: items below it are dropped
         * @return this builder
         */
        public Builder relativity(Double relativity) {
            this.relativity = relativity;
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
         * Sets the context format.
         *
         * @param contextFormat the context format
         * @return this builder
         */
        public Builder contextFormat(String contextFormat) {
            this.contextFormat = contextFormat;
            return this;
        }

        /**
         * Sets a free-form channel label.
         *
         * @param source a free-form channel label
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public SearchMemoryRequest build() {
            return new SearchMemoryRequest(
                    query,
                    Optional.ofNullable(userId),
                    Optional.ofNullable(agentId),
                    Optional.ofNullable(conversationId),
                    memoryLimitNumber,
                    includePreference,
                    preferenceLimitNumber,
                    includeToolMemory,
                    toolMemoryLimitNumber,
                    includeSkill,
                    skillLimitNumber,
                    Optional.ofNullable(knowledgebaseIds),
                    Optional.ofNullable(filter),
                    Optional.ofNullable(relativity),
                    Optional.ofNullable(includeMemoryView),
                    Optional.ofNullable(contextFormat),
                    Optional.ofNullable(source));
        }
    }
}
