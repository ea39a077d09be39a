package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The answer of the service-side memory-augmented {@code chat} endpoint.
 *
 * @param response the answer text
 * @param additionalProperties fields this version does not know
 */
public record ChatResponse(
        @JsonProperty("response") String response,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param response the answer text
     * @param additionalProperties fields this version does not know
     */
    public ChatResponse {
        response = response == null ? "" : response;
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
