package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Request of {@code extract/memory}: find facts and preferences in messages without storing anything.
 *
 *
 * @param messages the messages (required)
 * @param extractionTypes {@code "memory"} and/or {@code "preference"}; all when absent
 * @param model the extractor model
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExtractMemoryRequest(
        @JsonProperty("messages") List<Message> messages,
        @JsonProperty("extraction_types") Optional<List<String>> extractionTypes,
        @JsonProperty("model") Optional<String> model) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param messages the messages (required)
     * @param extractionTypes {@code "memory"} and/or {@code "preference"}; all when absent
     * @param model the extractor model
     */
    public ExtractMemoryRequest {
        messages = Models.requireNonEmpty(messages, "messages");
        extractionTypes = Models.optList(extractionTypes);
        model = Models.opt(model);
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
        b.extractionTypes = extractionTypes.orElse(null);
        b.model = model.orElse(null);
        return b;
    }

    /** Builder of {@link ExtractMemoryRequest}. */
    public static final class Builder {
        private List<Message> messages = new ArrayList<>();
        private List<String> extractionTypes;
        private String model;

        private Builder() {}

        /**
         * Replaces the messages (required).
         *
         * @param messages the messages (required)
         * @return this builder
         */
        public Builder messages(List<Message> messages) {
            this.messages = new ArrayList<>(messages);
            return this;
        }

        /**
         * Appends one to the messages (required).
         *
         * @param item the element to append
         * @return this builder
         */
        public Builder addMessage(Message item) {
            this.messages.add(item);
            return this;
        }

        /**
         * Sets {@code "memory"} and/or {@code "preference"}; all when absent.
         *
         * @param extractionTypes {@code "memory"} and/or {@code "preference"}; all when absent
         * @return this builder
         */
        public Builder extractionTypes(List<String> extractionTypes) {
            this.extractionTypes = extractionTypes;
            return this;
        }

        /**
         * Sets the extractor model.
         *
         * @param model the extractor model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public ExtractMemoryRequest build() {
            return new ExtractMemoryRequest(messages, Optional.ofNullable(extractionTypes), Optional.ofNullable(model));
        }
    }
}
