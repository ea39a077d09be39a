package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request of {@code add/message}: store conversation messages so the service turns them into memories.
 *
 * <pre>{@code
 * AddMessageRequest request = AddMessageRequest.builder()
 *     .userId("user-123")
 *     .conversationId("conversation_001")
 *     .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
 *     .build();
 * }</pre>
 *
 * @param messages the messages, in order (required)
 * @param userId the user (at least one of user and agent is required)
 * @param agentId the agent
 * @param conversationId the conversation; the service generates one when absent
 * @param info custom metadata (string values are filterable)
 * @param source a free-form channel label
 * @param appId the app scope
 * @param allowPublic whether to also write to project-wide public memory (default false)
 * @param allowKnowledgebaseIds the knowledge bases the memories may be written into
 * @param allowMemoryView the memory views the memories may be written into
 * @param tags candidate custom tags
 * @param asyncMode whether to return at once with a running task (default true)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddMessageRequest(
        @JsonProperty("messages") List<Message> messages,
        @JsonProperty("user_id") Optional<String> userId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("conversation_id") Optional<String> conversationId,
        @JsonProperty("info") Optional<Map<String, Object>> info,
        @JsonProperty("source") Optional<String> source,
        @JsonProperty("app_id") Optional<String> appId,
        @JsonProperty("allow_public") Boolean allowPublic,
        @JsonProperty("allow_knowledgebase_ids") Optional<List<String>> allowKnowledgebaseIds,
        @JsonProperty("allow_memory_view") Optional<List<String>> allowMemoryView,
        @JsonProperty("tags") Optional<List<String>> tags,
        @JsonProperty("async_mode") Boolean asyncMode) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param messages the messages, in order (required)
     * @param userId the user (at least one of user and agent is required)
     * @param agentId the agent
     * @param conversationId the conversation; the service generates one when absent
     * @param info custom metadata (string values are filterable)
     * @param source a free-form channel label
     * @param appId the app scope
     * @param allowPublic whether to also write to project-wide public memory (default false)
     * @param allowKnowledgebaseIds the knowledge bases the memories may be written into
     * @param allowMemoryView the memory views the memories may be written into
     * @param tags candidate custom tags
     * @param asyncMode whether to return at once with a running task (default true)
     */
    public AddMessageRequest {
        messages = Models.requireNonEmpty(messages, "messages");
        userId = Models.optText(userId, "user_id");
        agentId = Models.optText(agentId, "agent_id");
        conversationId = Models.optText(conversationId, "conversation_id");
        info = Models.opt(info).map(Models::map);
        source = Models.opt(source);
        appId = Models.opt(appId);
        allowPublic = allowPublic == null ? false : allowPublic;
        allowKnowledgebaseIds = Models.optList(allowKnowledgebaseIds);
        allowMemoryView = Models.optList(allowMemoryView);
        tags = Models.optList(tags);
        asyncMode = asyncMode == null ? true : asyncMode;
        if (!Models.hasText(userId.orElse(null)) && !Models.hasText(agentId.orElse(null))) {
            throw new IllegalArgumentException("user_id or agent_id is required");
        }
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
        b.messages = new ArrayList<>(messages);
        b.userId = userId.orElse(null);
        b.agentId = agentId.orElse(null);
        b.conversationId = conversationId.orElse(null);
        b.info = info.orElse(null);
        b.source = source.orElse(null);
        b.appId = appId.orElse(null);
        b.allowPublic = allowPublic;
        b.allowKnowledgebaseIds = allowKnowledgebaseIds.orElse(null);
        b.allowMemoryView = allowMemoryView.orElse(null);
        b.tags = tags.orElse(null);
        b.asyncMode = asyncMode;
        return b;
    }

    /** Builder of {@link AddMessageRequest}. */
    public static final class Builder {
        private List<Message> messages = new ArrayList<>();
        private String userId;
        private String agentId;
        private String conversationId;
        private Map<String, Object> info;
        private String source;
        private String appId;
        private Boolean allowPublic;
        private List<String> allowKnowledgebaseIds;
        private List<String> allowMemoryView;
        private List<String> tags;
        private Boolean asyncMode;

        private Builder() {}

        /**
         * Replaces the messages, in order (required).
         *
         * @param messages the messages, in order (required)
         * @return this builder
         */
        public Builder messages(List<Message> messages) {
            this.messages = new ArrayList<>(messages);
            return this;
        }

        /**
         * Appends one to the messages, in order (required).
         *
         * @param item the element to append
         * @return this builder
         */
        public Builder addMessage(Message item) {
            this.messages.add(item);
            return this;
        }

        /**
         * Sets the user (at least one of user and agent is required).
         *
         * @param userId the user (at least one of user and agent is required)
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
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
         * Sets the conversation; the service generates one when absent.
         *
         * @param conversationId the conversation; the service generates one when absent
         * @return this builder
         */
        public Builder conversationId(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        /**
         * Sets custom metadata (string values are filterable).
         *
         * @param info custom metadata (string values are filterable)
         * @return this builder
         */
        public Builder info(Map<String, Object> info) {
            this.info = info;
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
         * Sets whether to also write to project-wide public memory (default false).
         *
         * @param allowPublic whether to also write to project-wide public memory (default false)
         * @return this builder
         */
        public Builder allowPublic(boolean allowPublic) {
            this.allowPublic = allowPublic;
            return this;
        }

        /**
         * Sets the knowledge bases the memories may be written into.
         *
         * @param allowKnowledgebaseIds the knowledge bases the memories may be written into
         * @return this builder
         */
        public Builder allowKnowledgebaseIds(List<String> allowKnowledgebaseIds) {
            this.allowKnowledgebaseIds = allowKnowledgebaseIds;
            return this;
        }

        /**
         * Sets the memory views the memories may be written into.
         *
         * @param allowMemoryView the memory views the memories may be written into
         * @return this builder
         */
        public Builder allowMemoryView(List<String> allowMemoryView) {
            this.allowMemoryView = allowMemoryView;
            return this;
        }

        /**
         * Sets candidate custom tags.
         *
         * @param tags candidate custom tags
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * Sets whether to return at once with a running task (default true).
         *
         * @param asyncMode whether to return at once with a running task (default true)
         * @return this builder
         */
        public Builder asyncMode(boolean asyncMode) {
            this.asyncMode = asyncMode;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public AddMessageRequest build() {
            return new AddMessageRequest(
                    messages,
                    Optional.ofNullable(userId),
                    Optional.ofNullable(agentId),
                    Optional.ofNullable(conversationId),
                    Optional.ofNullable(info),
                    Optional.ofNullable(source),
                    Optional.ofNullable(appId),
                    allowPublic,
                    Optional.ofNullable(allowKnowledgebaseIds),
                    Optional.ofNullable(allowMemoryView),
                    Optional.ofNullable(tags),
                    asyncMode);
        }
    }
}
