package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Request of {@code get/message}: the most recent raw messages of one conversation.
 *
 *
 * @param userId the user (required)
 * @param conversationId the conversation (required)
 * @param conversationLimitNumber the number of conversations
 * @param messageLimitNumber the number of most recent messages, 1..50 (server default 6)
 * @param source a free-form channel label
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GetMessageRequest(
        @JsonProperty("user_id") String userId,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("conversation_limit_number") Optional<Integer> conversationLimitNumber,
        @JsonProperty("message_limit_number") Optional<Integer> messageLimitNumber,
        @JsonProperty("source") Optional<String> source) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param userId the user (required)
     * @param conversationId the conversation (required)
     * @param conversationLimitNumber the number of conversations
     * @param messageLimitNumber the number of most recent messages, 1..50 (server default 6)
     * @param source a free-form channel label
     */
    public GetMessageRequest {
        Models.requireText(userId, "user_id");
        Models.requireMaxLength(userId, "user_id");
        Models.requireText(conversationId, "conversation_id");
        Models.requireMaxLength(conversationId, "conversation_id");
        conversationLimitNumber = Models.opt(conversationLimitNumber);
        messageLimitNumber = Models.opt(messageLimitNumber);
        source = Models.opt(source);
        Models.requireRange(messageLimitNumber.orElse(null), "message_limit_number", 1, 50);
        Models.requireRange(conversationLimitNumber.orElse(null), "conversation_limit_number", 1, 100);
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
        b.conversationLimitNumber = conversationLimitNumber.orElse(null);
        b.messageLimitNumber = messageLimitNumber.orElse(null);
        b.source = source.orElse(null);
        return b;
    }

    /** Builder of {@link GetMessageRequest}. */
    public static final class Builder {
        private String userId;
        private String conversationId;
        private Integer conversationLimitNumber;
        private Integer messageLimitNumber;
        private String source;

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
         * Sets the number of conversations.
         *
         * @param conversationLimitNumber the number of conversations
         * @return this builder
         */
        public Builder conversationLimitNumber(Integer conversationLimitNumber) {
            this.conversationLimitNumber = conversationLimitNumber;
            return this;
        }

        /**
         * Sets the number of most recent messages, 1..50 (server default 6).
         *
         * @param messageLimitNumber the number of most recent messages, 1..50 (server default 6)
         * @return this builder
         */
        public Builder messageLimitNumber(Integer messageLimitNumber) {
            this.messageLimitNumber = messageLimitNumber;
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
        public GetMessageRequest build() {
            return new GetMessageRequest(
                    userId,
                    conversationId,
                    Optional.ofNullable(conversationLimitNumber),
                    Optional.ofNullable(messageLimitNumber),
                    Optional.ofNullable(source));
        }
    }
}
