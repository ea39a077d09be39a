package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The result of endpoints that only report success (delete, update, profile endpoints). Anything else
 * the service returns is kept in {@link #additionalProperties()}.
 *
 * @param success whether the operation succeeded
 * @param additionalProperties fields this version does not know
 */
public record SuccessResponse(
        @JsonProperty("success") boolean success,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param success whether the operation succeeded
     * @param additionalProperties fields this version does not know
     */
    public SuccessResponse {
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * A plain success.
     *
     * @return a plain success
     */
    public static SuccessResponse ok() {
        return new SuccessResponse(true, null);
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
