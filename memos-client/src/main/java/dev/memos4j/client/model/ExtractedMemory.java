package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fact extracted by {@code extract/memory}; nothing is stored, so it has no id or time.
 *
 * @param memoryKey title
 * @param memoryValue the fact
 * @param memoryType memory type
 * @param tags tags
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ExtractedMemory(
        @JsonProperty("memory_key") Optional<String> memoryKey,
        @JsonProperty("memory_value") String memoryValue,
        @JsonProperty("memory_type") Optional<MemoryType> memoryType,
        @JsonProperty("tags") List<String> tags,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param memoryKey title
     * @param memoryValue the fact
     * @param memoryType memory type
     * @param tags tags
     * @param additionalProperties fields this version does not know
     */
    public ExtractedMemory {
        memoryKey = Models.opt(memoryKey);
        memoryValue = memoryValue == null ? "" : memoryValue;
        memoryType = Models.opt(memoryType);
        tags = Models.list(tags);
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
