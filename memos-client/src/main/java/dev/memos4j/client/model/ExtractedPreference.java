package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * A preference extracted by {@code extract/memory}.
 *
 * @param preference the preference
 * @param reasoning why it was inferred
 * @param preferenceType explicit or implicit
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ExtractedPreference(
        @JsonProperty("preference") String preference,
        @JsonProperty("reasoning") Optional<String> reasoning,
        @JsonProperty("preference_type") Optional<PreferenceType> preferenceType,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param preference the preference
     * @param reasoning why it was inferred
     * @param preferenceType explicit or implicit
     * @param additionalProperties fields this version does not know
     */
    public ExtractedPreference {
        preference = preference == null ? "" : preference;
        reasoning = Models.opt(reasoning);
        preferenceType = Models.opt(preferenceType);
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
