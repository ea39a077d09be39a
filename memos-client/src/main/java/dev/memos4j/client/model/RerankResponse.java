package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@code rerank}: documents ordered by relevance.
 *
 * @param id the service's id for this ranking
 * @param results ranked documents, best first
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RerankResponse(
        @JsonProperty("id") Optional<String> id,
        @JsonProperty("results") List<RerankResult> results,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param id the service's id for this ranking
     * @param results ranked documents, best first
     * @param additionalProperties fields this version does not know
     */
    public RerankResponse {
        id = Models.opt(id);
        results = Models.list(results);
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
