package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Request of {@code delete/profile}.
 *
 *
 * @param userId the user (exactly one of user and agent)
 * @param agentId the agent (exactly one of user and agent)
 * @param profileTemplateId the profile template (required)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeleteProfileRequest(
        @JsonProperty("user_id") Optional<String> userId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("profile_template_id") String profileTemplateId) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param userId the user (exactly one of user and agent)
     * @param agentId the agent (exactly one of user and agent)
     * @param profileTemplateId the profile template (required)
     */
    public DeleteProfileRequest {
        userId = Models.optText(userId, "user_id");
        agentId = Models.optText(agentId, "agent_id");
        Models.requireText(profileTemplateId, "profile_template_id");
        Models.requireExactlyOneSubject(userId.orElse(null), agentId.orElse(null));
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
        b.profileTemplateId = profileTemplateId;
        return b;
    }

    /** Builder of {@link DeleteProfileRequest}. */
    public static final class Builder {
        private String userId;
        private String agentId;
        private String profileTemplateId;

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
         * Sets the profile template (required).
         *
         * @param profileTemplateId the profile template (required)
         * @return this builder
         */
        public Builder profileTemplateId(String profileTemplateId) {
            this.profileTemplateId = profileTemplateId;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public DeleteProfileRequest build() {
            return new DeleteProfileRequest(
                    Optional.ofNullable(userId), Optional.ofNullable(agentId), profileTemplateId);
        }
    }
}
