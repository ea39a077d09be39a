package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An item whose shape the service has not documented beyond its id (profile and event items). Every
 * other field is kept in {@link #additionalProperties()}.
 *
 * @param id item id
 * @param additionalProperties every other field, as received
 */
public record DetailItem(
        @JsonProperty("id") String id, @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param id item id
     * @param additionalProperties every other field, as received
     */
    public DetailItem {
        id = id == null ? "" : id;
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * Every field but the id, as received.
     *
     * @return every field but the id, as received
     */
    @Override
    @JsonAnyGetter
    public Map<String, Object> additionalProperties() {
        return additionalProperties;
    }
}
