package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * Request of {@code add/feedback}: correct memories in natural language ("actually I don't like swimming").
 *
 *
 * @param feedbackContent the feedback text (required)
 * @param userId the user (required)
 * @param conversationId the conversation
 * @param agentId the agent
 * @param appId the app scope
 * @param feedbackTime when the feedback was given (timestamp or free text)
 * @param allowPublic whether public memory may be corrected (default false)
 * @param allowKnowledgebaseIds the knowledge bases whose memories may be corrected
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddFeedbackRequest(
        @JsonProperty("feedback_content") String feedbackContent,
        @JsonProperty("user_id") String userId,
        @JsonProperty("conversation_id") Optional<String> conversationId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("app_id") Optional<String> appId,
        @JsonProperty("feedback_time") Optional<String> feedbackTime,
        @JsonProperty("allow_public") Boolean allowPublic,
        @JsonProperty("allow_knowledgebase_ids") Optional<List<String>> allowKnowledgebaseIds) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param feedbackContent the feedback text (required)
     * @param userId the user (required)
     * @param conversationId the conversation
     * @param agentId the agent
     * @param appId the app scope
     * @param feedbackTime when the feedback was given (timestamp or free text)
     * @param allowPublic whether public memory may be corrected (default false)
     * @param allowKnowledgebaseIds the knowledge bases whose memories may be corrected
     */
    public AddFeedbackRequest {
        Models.requireText(feedbackContent, "feedback_content");
        Models.requireText(userId, "user_id");
        Models.requireMaxLength(userId, "user_id");
        conversationId = Models.optText(conversationId, "conversation_id");
        agentId = Models.optText(agentId, "agent_id");
        appId = Models.opt(appId);
        feedbackTime = Models.opt(feedbackTime);
        allowPublic = allowPublic == null ? false : allowPublic;
        allowKnowledgebaseIds = Models.optList(allowKnowledgebaseIds);
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
        b.feedbackContent = feedbackContent;
        b.userId = userId;
        b.conversationId = conversationId.orElse(null);
        b.agentId = agentId.orElse(null);
        b.appId = appId.orElse(null);
        b.feedbackTime = feedbackTime.orElse(null);
        b.allowPublic = allowPublic;
        b.allowKnowledgebaseIds = allowKnowledgebaseIds.orElse(null);
        return b;
    }

    /** Builder of {@link AddFeedbackRequest}. */
    public static final class Builder {
        private String feedbackContent;
        private String userId;
        private String conversationId;
        private String agentId;
        private String appId;
        private String feedbackTime;
        private Boolean allowPublic;
        private List<String> allowKnowledgebaseIds;

        private Builder() {}

        /**
         * Sets the feedback text (required).
         *
         * @param feedbackContent the feedback text (required)
         * @return this builder
         */
        public Builder feedbackContent(String feedbackContent) {
            this.feedbackContent = feedbackContent;
            return this;
        }

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
         * Sets the conversation.
         *
         * @param conversationId the conversation
         * @return this builder
         */
        public Builder conversationId(String conversationId) {
            this.conversationId = conversationId;
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
         * Sets when the feedback was given (timestamp or free text).
         *
         * @param feedbackTime when the feedback was given (timestamp or free text)
         * @return this builder
         */
        public Builder feedbackTime(String feedbackTime) {
            this.feedbackTime = feedbackTime;
            return this;
        }

        /**
         * Sets whether public memory may be corrected (default false).
         *
         * @param allowPublic whether public memory may be corrected (default false)
         * @return this builder
         */
        public Builder allowPublic(boolean allowPublic) {
            this.allowPublic = allowPublic;
            return this;
        }

        /**
         * Sets the knowledge bases whose memories may be corrected.
         *
         * @param allowKnowledgebaseIds the knowledge bases whose memories may be corrected
         * @return this builder
         */
        public Builder allowKnowledgebaseIds(List<String> allowKnowledgebaseIds) {
            this.allowKnowledgebaseIds = allowKnowledgebaseIds;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public AddFeedbackRequest build() {
            return new AddFeedbackRequest(
                    feedbackContent,
                    userId,
                    Optional.ofNullable(conversationId),
                    Optional.ofNullable(agentId),
                    Optional.ofNullable(appId),
                    Optional.ofNullable(feedbackTime),
                    allowPublic,
                    Optional.ofNullable(allowKnowledgebaseIds));
        }
    }
}
