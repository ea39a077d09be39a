package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request of the service-side memory-augmented {@code chat} endpoint.
 *
 *
 * @param userId the user (required)
 * @param conversationId the conversation (required)
 * @param query the question (required)
 * @param internetSearch whether the service may search the internet (default false)
 * @param forceStop whether to abort generation (default false)
 * @param useMemOsCube whether to use a MemOS cube (default false)
 * @param source a free-form channel label
 * @param systemPrompt a custom system prompt; may contain {@code {memories}}
 * @param modelName the service-side model
 * @param knowledgebaseIds the knowledge bases to recall from
 * @param filter a filter object
 * @param addMessageOnAnswer whether the service stores the exchange (default true)
 * @param appId the app scope
 * @param agentId the agent
 * @param asyncMode whether the automatic add runs asynchronously (default true)
 * @param tags tags for the stored exchange
 * @param info metadata for the stored exchange
 * @param allowPublic whether public memory may be used (default false)
 * @param allowKnowledgebaseIds the knowledge bases the exchange may be written into
 * @param maxTokens the maximum answer tokens (default 8192)
 * @param temperature the sampling temperature, 0..2 (default 0.7)
 * @param topP nucleus sampling, 0..1 (default 0.95)
 * @param includePreference whether to recall preferences (default true)
 * @param preferenceLimitNumber the maximum preferences, 0..25 (default 6)
 * @param memoryLimitNumber the maximum memories, 0..25 (default 6)
 * @param stream whether the answer is streamed; set by the streaming call itself
 * @param includeToolMemory whether to recall tool memories (default false)
 * @param toolMemoryLimitNumber the maximum tool memories, 0..25 (default 6)
 * @param relativity the relevance threshold, 0..1
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChatRequest(
        @JsonProperty("user_id") String userId,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("query") String query,
        @JsonProperty("internet_search") Boolean internetSearch,
        @JsonProperty("force_stop") Boolean forceStop,
        @JsonProperty("use_mem_os_cube") Boolean useMemOsCube,
        @JsonProperty("source") Optional<String> source,
        @JsonProperty("system_prompt") Optional<String> systemPrompt,
        @JsonProperty("model_name") Optional<String> modelName,
        @JsonProperty("knowledgebase_ids") Optional<List<String>> knowledgebaseIds,
        @JsonProperty("filter") Optional<Map<String, Object>> filter,
        @JsonProperty("add_message_on_answer") Boolean addMessageOnAnswer,
        @JsonProperty("app_id") Optional<String> appId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("async_mode") Boolean asyncMode,
        @JsonProperty("tags") Optional<List<String>> tags,
        @JsonProperty("info") Optional<Map<String, Object>> info,
        @JsonProperty("allow_public") Boolean allowPublic,
        @JsonProperty("allow_knowledgebase_ids") Optional<List<String>> allowKnowledgebaseIds,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("include_preference") Boolean includePreference,
        @JsonProperty("preference_limit_number") Integer preferenceLimitNumber,
        @JsonProperty("memory_limit_number") Integer memoryLimitNumber,
        @JsonProperty("stream") Boolean stream,
        @JsonProperty("include_tool_memory") Boolean includeToolMemory,
        @JsonProperty("tool_memory_limit_number") Integer toolMemoryLimitNumber,
        @JsonProperty("relativity") Optional<Double> relativity) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param userId the user (required)
     * @param conversationId the conversation (required)
     * @param query the question (required)
     * @param internetSearch whether the service may search the internet (default false)
     * @param forceStop whether to abort generation (default false)
     * @param useMemOsCube whether to use a MemOS cube (default false)
     * @param source a free-form channel label
     * @param systemPrompt a custom system prompt; may contain {@code {memories}}
     * @param modelName the service-side model
     * @param knowledgebaseIds the knowledge bases to recall from
     * @param filter a filter object
     * @param addMessageOnAnswer whether the service stores the exchange (default true)
     * @param appId the app scope
     * @param agentId the agent
     * @param asyncMode whether the automatic add runs asynchronously (default true)
     * @param tags tags for the stored exchange
     * @param info metadata for the stored exchange
     * @param allowPublic whether public memory may be used (default false)
     * @param allowKnowledgebaseIds the knowledge bases the exchange may be written into
     * @param maxTokens the maximum answer tokens (default 8192)
     * @param temperature the sampling temperature, 0..2 (default 0.7)
     * @param topP nucleus sampling, 0..1 (default 0.95)
     * @param includePreference whether to recall preferences (default true)
     * @param preferenceLimitNumber the maximum preferences, 0..25 (default 6)
     * @param memoryLimitNumber the maximum memories, 0..25 (default 6)
     * @param stream whether the answer is streamed; set by the streaming call itself
     * @param includeToolMemory whether to recall tool memories (default false)
     * @param toolMemoryLimitNumber the maximum tool memories, 0..25 (default 6)
     * @param relativity the relevance threshold, 0..1
     */
    public ChatRequest {
        Models.requireText(userId, "user_id");
        Models.requireMaxLength(userId, "user_id");
        Models.requireText(conversationId, "conversation_id");
        Models.requireMaxLength(conversationId, "conversation_id");
        Models.requireText(query, "query");
        internetSearch = internetSearch == null ? false : internetSearch;
        forceStop = forceStop == null ? false : forceStop;
        useMemOsCube = useMemOsCube == null ? false : useMemOsCube;
        source = Models.opt(source);
        systemPrompt = Models.opt(systemPrompt);
        modelName = Models.opt(modelName);
        knowledgebaseIds = Models.optList(knowledgebaseIds);
        filter = Models.opt(filter).map(Models::map);
        addMessageOnAnswer = addMessageOnAnswer == null ? true : addMessageOnAnswer;
        appId = Models.opt(appId);
        agentId = Models.optText(agentId, "agent_id");
        asyncMode = asyncMode == null ? true : asyncMode;
        tags = Models.optList(tags);
        info = Models.opt(info).map(Models::map);
        allowPublic = allowPublic == null ? false : allowPublic;
        allowKnowledgebaseIds = Models.optList(allowKnowledgebaseIds);
        maxTokens = maxTokens == null ? 8192 : maxTokens;
        temperature = temperature == null ? 0.7 : temperature;
        topP = topP == null ? 0.95 : topP;
        includePreference = includePreference == null ? true : includePreference;
        preferenceLimitNumber = preferenceLimitNumber == null ? 6 : preferenceLimitNumber;
        memoryLimitNumber = memoryLimitNumber == null ? 6 : memoryLimitNumber;
        stream = stream == null ? false : stream;
        includeToolMemory = includeToolMemory == null ? false : includeToolMemory;
        toolMemoryLimitNumber = toolMemoryLimitNumber == null ? 6 : toolMemoryLimitNumber;
        relativity = Models.opt(relativity);
        Models.requireRange(temperature, "temperature", 0.0, 2.0);
        Models.requireRange(topP, "top_p", 0.0, 1.0);
        Models.requireRange(maxTokens, "max_tokens", 1, Integer.MAX_VALUE);
        Models.requireRange(memoryLimitNumber, "memory_limit_number", 0, 25);
        Models.requireRange(preferenceLimitNumber, "preference_limit_number", 0, 25);
        Models.requireRange(toolMemoryLimitNumber, "tool_memory_limit_number", 0, 25);
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
        b.userId = userId;
        b.conversationId = conversationId;
        b.query = query;
        b.internetSearch = internetSearch;
        b.forceStop = forceStop;
        b.useMemOsCube = useMemOsCube;
        b.source = source.orElse(null);
        b.systemPrompt = systemPrompt.orElse(null);
        b.modelName = modelName.orElse(null);
        b.knowledgebaseIds = knowledgebaseIds.orElse(null);
        b.filter = filter.orElse(null);
        b.addMessageOnAnswer = addMessageOnAnswer;
        b.appId = appId.orElse(null);
        b.agentId = agentId.orElse(null);
        b.asyncMode = asyncMode;
        b.tags = tags.orElse(null);
        b.info = info.orElse(null);
        b.allowPublic = allowPublic;
        b.allowKnowledgebaseIds = allowKnowledgebaseIds.orElse(null);
        b.maxTokens = maxTokens;
        b.temperature = temperature;
        b.topP = topP;
        b.includePreference = includePreference;
        b.preferenceLimitNumber = preferenceLimitNumber;
        b.memoryLimitNumber = memoryLimitNumber;
        b.stream = stream;
        b.includeToolMemory = includeToolMemory;
        b.toolMemoryLimitNumber = toolMemoryLimitNumber;
        b.relativity = relativity.orElse(null);
        return b;
    }

    /**
     * This request with {@code stream} set.
     *
     * @param stream whether the answer is streamed
     * @return this request with {@code stream} set
     */
    public ChatRequest withStream(boolean stream) {
        return toBuilder().stream(stream).build();
    }

    /** Builder of {@link ChatRequest}. */
    public static final class Builder {
        private String userId;
        private String conversationId;
        private String query;
        private Boolean internetSearch;
        private Boolean forceStop;
        private Boolean useMemOsCube;
        private String source;
        private String systemPrompt;
        private String modelName;
        private List<String> knowledgebaseIds;
        private Map<String, Object> filter;
        private Boolean addMessageOnAnswer;
        private String appId;
        private String agentId;
        private Boolean asyncMode;
        private List<String> tags;
        private Map<String, Object> info;
        private Boolean allowPublic;
        private List<String> allowKnowledgebaseIds;
        private Integer maxTokens;
        private Double temperature;
        private Double topP;
        private Boolean includePreference;
        private Integer preferenceLimitNumber;
        private Integer memoryLimitNumber;
        private Boolean stream;
        private Boolean includeToolMemory;
        private Integer toolMemoryLimitNumber;
        private Double relativity;

        private Builder() {}

        /**
         * Sets the user (required).
         *
         * @param userId the user (required)
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Sets the conversation (required).
         *
         * @param conversationId the conversation (required)
         * @return this builder
         */
        public Builder conversationId(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        /**
         * Sets the question (required).
         *
         * @param query the question (required)
         * @return this builder
         */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /**
         * Sets whether the service may search the internet (default false).
         *
         * @param internetSearch whether the service may search the internet (default false)
         * @return this builder
         */
        public Builder internetSearch(boolean internetSearch) {
            this.internetSearch = internetSearch;
            return this;
        }

        /**
         * Sets whether to abort generation (default false).
         *
         * @param forceStop whether to abort generation (default false)
         * @return this builder
         */
        public Builder forceStop(boolean forceStop) {
            this.forceStop = forceStop;
            return this;
        }

        /**
         * Sets whether to use a MemOS cube (default false).
         *
         * @param useMemOsCube whether to use a MemOS cube (default false)
         * @return this builder
         */
        public Builder useMemOsCube(boolean useMemOsCube) {
            this.useMemOsCube = useMemOsCube;
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
         * Sets a custom system prompt; may contain {@code {memories}}.
         *
         * @param systemPrompt a custom system prompt; may contain {@code {memories}}
         * @return this builder
         */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /**
         * Sets the service-side model.
         *
         * @param modelName the service-side model
         * @return this builder
         */
        public Builder modelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        /**
         * Sets the knowledge bases to recall from.
         *
         * @param knowledgebaseIds the knowledge bases to recall from
         * @return this builder
         */
        public Builder knowledgebaseIds(List<String> knowledgebaseIds) {
            this.knowledgebaseIds = knowledgebaseIds;
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
         * Sets whether the service stores the exchange (default true).
         *
         * @param addMessageOnAnswer whether the service stores the exchange (default true)
         * @return this builder
         */
        public Builder addMessageOnAnswer(boolean addMessageOnAnswer) {
            this.addMessageOnAnswer = addMessageOnAnswer;
            return this;
        }

        /**
         * Sets the app scope.
         *
         * @param appId the app scope
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /**
         * Sets the agent.
         *
         * @param agentId the agent
         * @return this builder
         */
        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        /**
         * Sets whether the automatic add runs asynchronously (default true).
         *
         * @param asyncMode whether the automatic add runs asynchronously (default true)
         * @return this builder
         */
        public Builder asyncMode(boolean asyncMode) {
            this.asyncMode = asyncMode;
            return this;
        }

        /**
         * Sets tags for the stored exchange.
         *
         * @param tags tags for the stored exchange
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * Sets metadata for the stored exchange.
         *
         * @param info metadata for the stored exchange
         * @return this builder
         */
        public Builder info(Map<String, Object> info) {
            this.info = info;
            return this;
        }

        /**
         * Sets whether public memory may be used (default false).
         *
         * @param allowPublic whether public memory may be used (default false)
         * @return this builder
         */
        public Builder allowPublic(boolean allowPublic) {
            this.allowPublic = allowPublic;
            return this;
        }

        /**
         * Sets the knowledge bases the exchange may be written into.
         *
         * @param allowKnowledgebaseIds the knowledge bases the exchange may be written into
         * @return this builder
         */
        public Builder allowKnowledgebaseIds(List<String> allowKnowledgebaseIds) {
            this.allowKnowledgebaseIds = allowKnowledgebaseIds;
            return this;
        }

        /**
         * Sets the maximum answer tokens (default 8192).
         *
         * @param maxTokens the maximum answer tokens (default 8192)
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets the sampling temperature, 0..2 (default 0.7).
         *
         * @param temperature the sampling temperature, 0..2 (default 0.7)
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets nucleus sampling, 0..1 (default 0.95).
         *
         * @param topP nucleus sampling, 0..1 (default 0.95)
         * @return this builder
         */
        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        /**
         * Sets whether to recall preferences (default true).
         *
         * @param includePreference whether to recall preferences (default true)
         * @return this builder
         */
        public Builder includePreference(boolean includePreference) {
            this.includePreference = includePreference;
            return this;
        }

        /**
         * Sets the maximum preferences, 0..25 (default 6).
         *
         * @param preferenceLimitNumber the maximum preferences, 0..25 (default 6)
         * @return this builder
         */
        public Builder preferenceLimitNumber(int preferenceLimitNumber) {
            this.preferenceLimitNumber = preferenceLimitNumber;
            return this;
        }

        /**
         * Sets the maximum memories, 0..25 (default 6).
         *
         * @param memoryLimitNumber the maximum memories, 0..25 (default 6)
         * @return this builder
         */
        public Builder memoryLimitNumber(int memoryLimitNumber) {
            this.memoryLimitNumber = memoryLimitNumber;
            return this;
        }

        /**
         * Sets whether the answer is streamed; set by the streaming call itself.
         *
         * @param stream whether the answer is streamed; set by the streaming call itself
         * @return this builder
         */
        public Builder stream(boolean stream) {
            this.stream = stream;
            return this;
        }

        /**
         * Sets whether to recall tool memories (default false).
         *
         * @param includeToolMemory whether to recall tool memories (default false)
         * @return this builder
         */
        public Builder includeToolMemory(boolean includeToolMemory) {
            this.includeToolMemory = includeToolMemory;
            return this;
        }

        /**
         * Sets the maximum tool memories, 0..25 (default 6).
         *
         * @param toolMemoryLimitNumber the maximum tool memories, 0..25 (default 6)
         * @return this builder
         */
        public Builder toolMemoryLimitNumber(int toolMemoryLimitNumber) {
            this.toolMemoryLimitNumber = toolMemoryLimitNumber;
            return this;
        }

        /**
         * Sets the relevance threshold, 0..1.
         *
         * @param relativity the relevance threshold, 0..1
         * @return this builder
         */
        public Builder relativity(Double relativity) {
            this.relativity = relativity;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public ChatRequest build() {
            return new ChatRequest(
                    userId,
                    conversationId,
                    query,
                    internetSearch,
                    forceStop,
                    useMemOsCube,
                    Optional.ofNullable(source),
                    Optional.ofNullable(systemPrompt),
                    Optional.ofNullable(modelName),
                    Optional.ofNullable(knowledgebaseIds),
                    Optional.ofNullable(filter),
                    addMessageOnAnswer,
                    Optional.ofNullable(appId),
                    Optional.ofNullable(agentId),
                    asyncMode,
                    Optional.ofNullable(tags),
                    Optional.ofNullable(info),
                    allowPublic,
                    Optional.ofNullable(allowKnowledgebaseIds),
                    maxTokens,
                    temperature,
                    topP,
                    includePreference,
                    preferenceLimitNumber,
                    memoryLimitNumber,
                    stream,
                    includeToolMemory,
                    toolMemoryLimitNumber,
                    Optional.ofNullable(relativity));
        }
    }
}
