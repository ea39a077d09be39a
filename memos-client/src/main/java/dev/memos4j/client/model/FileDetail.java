package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * One knowledge-base file ({@code file_detail_list} item).
 *
 * @param id file id
 * @param name file name
 * @param size size as the service formats it
 * @param status {@code running}, {@code completed} or {@code failed}
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FileDetail(
        @JsonProperty("id") String id,
        @JsonProperty("name") Optional<String> name,
        @JsonProperty("size") Optional<String> size,
        @JsonProperty("status") Optional<String> status,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param id file id
     * @param name file name
     * @param size size as the service formats it
     * @param status {@code running}, {@code completed} or {@code failed}
     * @param additionalProperties fields this version does not know
     */
    public FileDetail {
        id = id == null ? "" : id;
        name = Models.opt(name);
        size = Models.opt(size);
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
