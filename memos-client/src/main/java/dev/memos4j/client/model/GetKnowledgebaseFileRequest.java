package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * Request of {@code get/knowledgebase-file}: files by id, or the files of one knowledge base.
 *
 *
 * @param fileIds the files (exactly one of file ids and knowledge base)
 * @param knowledgebaseId the knowledge base (exactly one of file ids and knowledge base)
 * @param type the file type
 * @param page the page, 1-based
 * @param pageSize files per page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GetKnowledgebaseFileRequest(
        @JsonProperty("file_ids") Optional<List<String>> fileIds,
        @JsonProperty("knowledgebase_id") Optional<String> knowledgebaseId,
        @JsonProperty("type") Optional<String> type,
        @JsonProperty("page") Optional<Integer> page,
        @JsonProperty("page_size") Optional<Integer> pageSize) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param fileIds the files (exactly one of file ids and knowledge base)
     * @param knowledgebaseId the knowledge base (exactly one of file ids and knowledge base)
     * @param type the file type
     * @param page the page, 1-based
     * @param pageSize files per page
     */
    public GetKnowledgebaseFileRequest {
        fileIds = Models.optList(fileIds);
        knowledgebaseId = Models.opt(knowledgebaseId);
        type = Models.opt(type);
        page = Models.opt(page);
        pageSize = Models.opt(pageSize);
        boolean byFiles = fileIds.map(l -> !l.isEmpty()).orElse(false);
        if (byFiles == Models.hasText(knowledgebaseId.orElse(null))) {
            throw new IllegalArgumentException("exactly one of file_ids or knowledgebase_id is required");
        }
        Models.requireRange(page.orElse(null), "page", 1, Integer.MAX_VALUE);
        Models.requireRange(pageSize.orElse(null), "page_size", 1, Integer.MAX_VALUE);
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
        b.fileIds = fileIds.orElse(null);
        b.knowledgebaseId = knowledgebaseId.orElse(null);
        b.type = type.orElse(null);
        b.page = page.orElse(null);
        b.pageSize = pageSize.orElse(null);
        return b;
    }

    /** Builder of {@link GetKnowledgebaseFileRequest}. */
    public static final class Builder {
        private List<String> fileIds;
        private String knowledgebaseId;
        private String type;
        private Integer page;
        private Integer pageSize;

        private Builder() {}

        /**
         * Sets the files (exactly one of file ids and knowledge base).
         *
         * @param fileIds the files (exactly one of file ids and knowledge base)
         * @return this builder
         */
        public Builder fileIds(List<String> fileIds) {
            this.fileIds = fileIds;
            return this;
        }

        /**
         * Sets the knowledge base (exactly one of file ids and knowledge base).
         *
         * @param knowledgebaseId the knowledge base (exactly one of file ids and knowledge base)
         * @return this builder
         */
        public Builder knowledgebaseId(String knowledgebaseId) {
            this.knowledgebaseId = knowledgebaseId;
            return this;
        }

        /**
         * Sets the file type.
         *
         * @param type the file type
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the page, 1-based.
         *
         * @param page the page, 1-based
         * @return this builder
         */
        public Builder page(Integer page) {
            this.page = page;
            return this;
        }

        /**
         * Sets files per page.
         *
         * @param pageSize files per page
         * @return this builder
         */
        public Builder pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public GetKnowledgebaseFileRequest build() {
            return new GetKnowledgebaseFileRequest(
                    Optional.ofNullable(fileIds),
                    Optional.ofNullable(knowledgebaseId),
                    Optional.ofNullable(type),
                    Optional.ofNullable(page),
                    Optional.ofNullable(pageSize));
        }
    }
}
