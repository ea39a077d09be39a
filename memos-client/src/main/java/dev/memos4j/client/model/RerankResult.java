package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * One ranked document of {@code rerank}.
 *
 * @param index position of the document in the request
 * @param relevanceScore relevance, higher is better
 * @param document the document, when the service echoes it (a string or {@code {text}})
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RerankResult(
        @JsonProperty("index") int index,
        @JsonProperty("relevance_score") double relevanceScore,
        @JsonProperty("document") Optional<Object> document,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param index position of the document in the request
     * @param relevanceScore relevance, higher is better
     * @param document the document, when the service echoes it (a string or {@code {text}})
     * @param additionalProperties fields this version does not know
     */
    public RerankResult {
        document = Models.opt(document);
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * Fields this version does not know, as received.
     *
     * @return fields this version does not know, as received
     */
    @Override
    @JsonAnyGetter
    public Map<String, Object> additionalProperties() {
        return additionalProperties;
    }
}
