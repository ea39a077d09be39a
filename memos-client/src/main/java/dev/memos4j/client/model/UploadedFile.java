package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * One file accepted by {@code add/knowledgebase-file}; processing continues on the service.
 *
 * @param id file id
 * @param name file name
 * @param sizeMb size in MB (the service names it {@code sizeMB})
 * @param status processing status, e.g. {@code PROCESSING}
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record UploadedFile(
        @JsonProperty("id") String id,
        @JsonProperty("name") Optional<String> name,
        @JsonProperty("sizeMB") Optional<Double> sizeMb,
        @JsonProperty("status") Optional<String> status,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param id file id
     * @param name file name
     * @param sizeMb size in MB (the service names it {@code sizeMB})
     * @param status processing status, e.g. {@code PROCESSING}
     * @param additionalProperties fields this version does not know
     */
    public UploadedFile {
        id = id == null ? "" : id;
        name = Models.opt(name);
        sizeMb = Models.opt(sizeMb);
        status = Models.opt(status);
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
