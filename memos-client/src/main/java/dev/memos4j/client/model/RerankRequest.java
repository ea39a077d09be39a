package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * Request of {@code rerank}: order candidate documents by relevance to a query.
 *
 *
 * @param query the query (required)
 * @param documents the candidate texts (required)
 * @param model the reranker model
 * @param topN how many of the best to keep (greater than 0)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RerankRequest(
        @JsonProperty("query") String query,
        @JsonProperty("documents") List<String> documents,
        @JsonProperty("model") Optional<String> model,
        @JsonProperty("top_n") Optional<Integer> topN) {

    /**
     * Applies defaults and validates; a broken rule names the field.
     *
     * @param query the query (required)
     * @param documents the candidate texts (required)
     * @param model the reranker model
     * @param topN how many of the best to keep (greater than 0)
     */
    public RerankRequest {
        Models.requireText(query, "query");
        documents = Models.requireNonEmpty(documents, "documents");
        model = Models.opt(model);
        topN = Models.opt(topN);
        if (topN.isPresent() && topN.get() <= 0) {
            throw new IllegalArgumentException("top_n must be greater than 0");
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
        b.query = query;
        b.documents = documents;
        b.model = model.orElse(null);
        b.topN = topN.orElse(null);
        return b;
    }

    /** Builder of {@link RerankRequest}. */
    public static final class Builder {
        private String query;
        private List<String> documents;
        private String model;
        private Integer topN;

        private Builder() {}

        /**
         * Sets the query (required).
         *
         * @param query the query (required)
         * @return this builder
         */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /**
         * Sets the candidate texts (required).
         *
         * @param documents the candidate texts (required)
         * @return this builder
         */
        public Builder documents(List<String> documents) {
            this.documents = documents;
            return this;
        }

        /**
         * Sets the reranker model.
         *
         * @param model the reranker model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets how many of the best to keep (greater than 0).
         *
         * @param topN how many of the best to keep (greater than 0)
         * @return this builder
         */
        public Builder topN(Integer topN) {
            this.topN = topN;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the validated request
         * @throws IllegalArgumentException naming the field when a rule is broken
         */
        public RerankRequest build() {
            return new RerankRequest(query, documents, Optional.ofNullable(model), Optional.ofNullable(topN));
        }
    }
}
