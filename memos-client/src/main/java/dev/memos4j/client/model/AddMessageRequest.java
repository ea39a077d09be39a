package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
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
 * <p>{@code user_id} and {@code agent_id} take one id or several ({@link Builder#userIds(List)}), as the
 * official Python client does: one id is sent as a JSON string, several as a JSON array, none as
 * {@code null}.
 *
 * @param messages the messages, in order (required)
 * @param userIds the users (at least one user or agent is required); usually one
 * @param agentIds the agents; usually none or one
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

        @JsonProperty("user_id")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @JsonSerialize(using = SubjectIdsSerializer.class)
        List<String> userIds,

        @JsonProperty("agent_id")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @JsonSerialize(using = SubjectIdsSerializer.class)
        List<String> agentIds,

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
     * @param userIds the users (at least one user or agent is required); usually one
     * @param agentIds the agents; usually none or one
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
        userIds = Models.subjectIds(userIds, "user_id");
        agentIds = Models.subjectIds(agentIds, "agent_id");
        conversationId = Models.optText(conversationId, "conversation_id");
        info = Models.opt(info).map(Models::map);
        source = Models.opt(source);
        appId = Models.opt(appId);
        allowPublic = allowPublic == null ? false : allowPublic;
        allowKnowledgebaseIds = Models.optList(allowKnowledgebaseIds);
        allowMemoryView = Models.optList(allowMemoryView);
        tags = Models.optList(tags);
        asyncMode = asyncMode == null ? true : asyncMode;
        if (userIds.isEmpty() && agentIds.isEmpty()) {
            throw new IllegalArgumentException("user_id or agent_id is required");
        }
    }

    /**
     * The user, when exactly one is given (the usual case); with several, read {@link #userIds()}.
     *
     * @return the only user, or empty when there is none or several
     */
    public Optional<String> userId() {
        return only(userIds);
    }

    /**
     * The agent, when exactly one is given; with several, read {@link #agentIds()}.
     *
     * @return the only agent, or empty when there is none or several
     */
    public Optional<String> agentId() {
        return only(agentIds);
    }

    private static Optional<String> only(List<String> ids) {
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
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
        b.userIds = new ArrayList<>(userIds);
        b.agentIds = new ArrayList<>(agentIds);
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
        private List<String> userIds = new ArrayList<>();
        private List<String> agentIds = new ArrayList<>();
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
         * Sets the one user (at least one user or agent is required); {@code null} clears the users.
         *
         * @param userId the user
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userIds = userId == null ? new ArrayList<>() : new ArrayList<>(List.of(userId));
            return this;
        }

        /**
         * Sets several users, sent as a JSON array ({@code "user_id": ["u1", "u2"]}); each id must be
         * non-blank and at most 100 characters.
         *
         * @param userIds the users
         * @return this builder
         */
        public Builder userIds(List<String> userIds) {
            this.userIds = userIds == null ? new ArrayList<>() : new ArrayList<>(userIds);
            return this;
        }

        /**
         * Sets the one agent; {@code null} clears the agents.
         *
         * @param agentId the agent
         * @return this builder
         */
        public Builder agentId(String agentId) {
            this.agentIds = agentId == null ? new ArrayList<>() : new ArrayList<>(List.of(agentId));
            return this;
        }

        /**
         * Sets several agents, sent as a JSON array; each id must be non-blank and at most 100 characters.
         *
         * @param agentIds the agents
         * @return this builder
         */
        public Builder agentIds(List<String> agentIds) {
            this.agentIds = agentIds == null ? new ArrayList<>() : new ArrayList<>(agentIds);
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
                    userIds,
                    agentIds,
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
