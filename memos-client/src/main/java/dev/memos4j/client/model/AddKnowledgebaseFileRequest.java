package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Request of {@code add/knowledgebase-file} (JSON variant): add files given as https URLs or base64 content.
 *
 *
 * @param knowledgebaseId the knowledge base (required)
 * @param file the files, 1..20 (required)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddKnowledgebaseFileRequest(
        @JsonProperty("knowledgebase_id") String knowledgebaseId,
        @JsonProperty("file") List<KnowledgebaseFile> file) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param knowledgebaseId the knowledge base (required)
     * @param file the files, 1..20 (required)
     */
    public AddKnowledgebaseFileRequest {
        Models.requireText(knowledgebaseId, "knowledgebase_id");
        file = Models.requireNonEmpty(file, "file");
        if (file.size() > 20) {
            throw new IllegalArgumentException("file must contain at most 20 files (was " + file.size() + ")");
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
        b.knowledgebaseId = knowledgebaseId;
        b.file = new ArrayList<>(file);
        return b;
    }

    /** Builder of {@link AddKnowledgebaseFileRequest}. */
    public static final class Builder {
        private String knowledgebaseId;
        private List<KnowledgebaseFile> file = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the knowledge base (required).
         *
         * @param knowledgebaseId the knowledge base (required)
         * @return this builder
         */
        public Builder knowledgebaseId(String knowledgebaseId) {
            this.knowledgebaseId = knowledgebaseId;
            return this;
        }

        /**
         * Replaces the files, 1..20 (required).
         *
         * @param file the files, 1..20 (required)
         * @return this builder
         */
        public Builder file(List<KnowledgebaseFile> file) {
            this.file = new ArrayList<>(file);
            return this;
        }

        /**
         * Appends one to the files, 1..20 (required).
         *
         * @param item the element to append
         * @return this builder
         */
        public Builder addFile(KnowledgebaseFile item) {
            this.file.add(item);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public AddKnowledgebaseFileRequest build() {
            return new AddKnowledgebaseFileRequest(knowledgebaseId, file);
        }
    }
}
