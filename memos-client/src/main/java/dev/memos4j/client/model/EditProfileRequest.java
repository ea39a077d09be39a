package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request of {@code edit/profile}: set or remove fields of a user's or agent's profile.
 *
 *
 * @param userId the user (exactly one of user and agent)
 * @param agentId the agent (exactly one of user and agent)
 * @param profileTemplateId the profile template (required)
 * @param metadata fields to set, nested, e.g. {@code {"basic": {"city": "Hangzhou"}}}
 * @param removeFields dotted paths of fields to remove, e.g. {@code basic.job}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EditProfileRequest(
        @JsonProperty("user_id") Optional<String> userId,
        @JsonProperty("agent_id") Optional<String> agentId,
        @JsonProperty("profile_template_id") String profileTemplateId,
        @JsonProperty("metadata") Optional<Map<String, Object>> metadata,
        @JsonProperty("remove_fields") Optional<List<String>> removeFields) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param userId the user (exactly one of user and agent)
     * @param agentId the agent (exactly one of user and agent)
     * @param profileTemplateId the profile template (required)
     * @param metadata fields to set, nested, e.g. {@code {"basic": {"city": "Hangzhou"}}}
     * @param removeFields dotted paths of fields to remove, e.g. {@code basic.job}
     */
    public EditProfileRequest {
        userId = Models.optText(userId, "user_id");
        agentId = Models.optText(agentId, "agent_id");
        Models.requireText(profileTemplateId, "profile_template_id");
        metadata = Models.opt(metadata).map(Models::map);
        removeFields = Models.optList(removeFields);
        Models.requireExactlyOneSubject(userId.orElse(null), agentId.orElse(null));
        if (metadata.isEmpty() && removeFields.map(List::isEmpty).orElse(true)) {
            throw new IllegalArgumentException("metadata or remove_fields is required");
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
        b.userId = userId.orElse(null);
        b.agentId = agentId.orElse(null);
        b.profileTemplateId = profileTemplateId;
        b.metadata = metadata.orElse(null);
        b.removeFields = removeFields.orElse(null);
        return b;
    }

    /** Builder of {@link EditProfileRequest}. */
    public static final class Builder {
        private String userId;
        private String agentId;
        private String profileTemplateId;
        private Map<String, Object> metadata;
        private List<String> removeFields;

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
         * Sets fields to set, nested, e.g. {@code {"basic": {"city": "Hangzhou"}}}.
         *
         * @param metadata fields to set, nested, e.g. {@code {"basic": {"city": "Hangzhou"}}}
         * @return this builder
         */
        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets dotted paths of fields to remove, e.g. {@code basic.job}.
         *
         * @param removeFields dotted paths of fields to remove, e.g. {@code basic.job}
         * @return this builder
         */
        public Builder removeFields(List<String> removeFields) {
            this.removeFields = removeFields;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public EditProfileRequest build() {
            return new EditProfileRequest(
                    Optional.ofNullable(userId),
                    Optional.ofNullable(agentId),
                    profileTemplateId,
                    Optional.ofNullable(metadata),
                    Optional.ofNullable(removeFields));
        }
    }
}
