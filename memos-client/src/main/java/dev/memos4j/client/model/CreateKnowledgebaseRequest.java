package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Request of {@code create/knowledgebase}.
 *
 *
 * @param knowledgebaseName the name (required)
 * @param knowledgebaseDescription a description
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreateKnowledgebaseRequest(
        @JsonProperty("knowledgebase_name") String knowledgebaseName,
        @JsonProperty("knowledgebase_description") Optional<String> knowledgebaseDescription) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param knowledgebaseName the name (required)
     * @param knowledgebaseDescription a description
     */
    public CreateKnowledgebaseRequest {
        Models.requireText(knowledgebaseName, "knowledgebase_name");
        knowledgebaseDescription = Models.opt(knowledgebaseDescription);
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
        b.knowledgebaseName = knowledgebaseName;
        b.knowledgebaseDescription = knowledgebaseDescription.orElse(null);
        return b;
    }

    /** Builder of {@link CreateKnowledgebaseRequest}. */
    public static final class Builder {
        private String knowledgebaseName;
        private String knowledgebaseDescription;

        private Builder() {}

        /**
         * Sets the name (required).
         *
         * @param knowledgebaseName the name (required)
         * @return this builder
         */
        public Builder knowledgebaseName(String knowledgebaseName) {
            this.knowledgebaseName = knowledgebaseName;
            return this;
        }

        /**
         * Sets a description.
         *
         * @param knowledgebaseDescription a description
         * @return this builder
         */
        public Builder knowledgebaseDescription(String knowledgebaseDescription) {
            this.knowledgebaseDescription = knowledgebaseDescription;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public CreateKnowledgebaseRequest build() {
            return new CreateKnowledgebaseRequest(knowledgebaseName, Optional.ofNullable(knowledgebaseDescription));
        }
    }
}
