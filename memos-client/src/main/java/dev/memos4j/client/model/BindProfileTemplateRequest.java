package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Request of {@code bind/profile_template}: bind profile templates to users or agents.
 *
 *
 * @param bindList the bindings (required)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BindProfileTemplateRequest(
        @JsonProperty("bind_list") List<ProfileBinding> bindList) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param bindList the bindings (required)
     */
    public BindProfileTemplateRequest {
        bindList = Models.requireNonEmpty(bindList, "bind_list");
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
        b.bindList = new ArrayList<>(bindList);
        return b;
    }

    /** Builder of {@link BindProfileTemplateRequest}. */
    public static final class Builder {
        private List<ProfileBinding> bindList = new ArrayList<>();

        private Builder() {}

        /**
         * Replaces the bindings (required).
         *
         * @param bindList the bindings (required)
         * @return this builder
         */
        public Builder bindList(List<ProfileBinding> bindList) {
            this.bindList = new ArrayList<>(bindList);
            return this;
        }

        /**
         * Appends one to the bindings (required).
         *
         * @param item the element to append
         * @return this builder
         */
        public Builder addBinding(ProfileBinding item) {
            this.bindList.add(item);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public BindProfileTemplateRequest build() {
            return new BindProfileTemplateRequest(bindList);
        }
    }
}
