package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code extract/memory}: facts and preferences found in the messages (nothing stored).
 *
 * @param success whether extraction succeeded
 * @param memoryDetailList extracted facts
 * @param preferenceDetailList extracted preferences
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ExtractMemoryResponse(
        @JsonProperty("success") boolean success,
        @JsonProperty("memory_detail_list") List<ExtractedMemory> memoryDetailList,
        @JsonProperty("preference_detail_list") List<ExtractedPreference> preferenceDetailList,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param success whether extraction succeeded
     * @param memoryDetailList extracted facts
     * @param preferenceDetailList extracted preferences
     * @param additionalProperties fields this version does not know
     */
    public ExtractMemoryResponse {
        memoryDetailList = Models.list(memoryDetailList);
        preferenceDetailList = Models.list(preferenceDetailList);
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
