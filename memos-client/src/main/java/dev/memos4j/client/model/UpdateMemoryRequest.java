package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Request of {@code update/memory}: change a memory's text, title or status.
 *
 *
 * @param memoryId the memory (required)
 * @param content the new memory text
 * @param title the new title
 * @param status the new status, e.g. {@code activated}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UpdateMemoryRequest(
        @JsonProperty("memory_id") String memoryId,
        @JsonProperty("content") Optional<String> content,
        @JsonProperty("title") Optional<String> title,
        @JsonProperty("status") Optional<String> status) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param memoryId the memory (required)
     * @param content the new memory text
     * @param title the new title
     * @param status the new status, e.g. {@code activated}
     */
    public UpdateMemoryRequest {
        Models.requireText(memoryId, "memory_id");
        content = Models.opt(content);
        title = Models.opt(title);
        status = Models.opt(status);
        if (!Models.hasText(content.orElse(null))
                && !Models.hasText(title.orElse(null))
                && !Models.hasText(status.orElse(null))) {
            throw new IllegalArgumentException("content, title or status is required");
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
        b.memoryId = memoryId;
        b.content = content.orElse(null);
        b.title = title.orElse(null);
        b.status = status.orElse(null);
        return b;
    }

    /** Builder of {@link UpdateMemoryRequest}. */
    public static final class Builder {
        private String memoryId;
        private String content;
        private String title;
        private String status;

        private Builder() {}

        /**
         * Sets the memory (required).
         *
         * @param memoryId the memory (required)
         * @return this builder
         */
        public Builder memoryId(String memoryId) {
            this.memoryId = memoryId;
            return this;
        }

        /**
         * Sets the new memory text.
         *
         * @param content the new memory text
         * @return this builder
         */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /**
         * Sets the new title.
         *
         * @param title the new title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the new status, e.g. {@code activated}.
         *
         * @param status the new status, e.g. {@code activated}
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public UpdateMemoryRequest build() {
            return new UpdateMemoryRequest(
                    memoryId, Optional.ofNullable(content), Optional.ofNullable(title), Optional.ofNullable(status));
        }
    }
}
