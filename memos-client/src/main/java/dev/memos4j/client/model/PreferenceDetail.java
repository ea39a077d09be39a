package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One preference ({@code preference_detail_list} item).
 *
 * @param id preference id
 * @param preference the preference statement
 * @param preferenceType {@code explicit_preference} or {@code implicit_preference}
 * @param reasoning why it was inferred
 * @param createTime creation time
 * @param updateTime last update time
 * @param conversationId the conversation it came from
 * @param status usually {@code activated}
 * @param relativity relevance to the query, 0..1, when the service sends it
 * @param sources the messages it came from (listing endpoints)
 * @param info metadata given at add time (listing endpoints)
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PreferenceDetail(
        @JsonProperty("id") String id,
        @JsonProperty("preference") String preference,
        @JsonProperty("preference_type") Optional<PreferenceType> preferenceType,
        @JsonProperty("reasoning") Optional<String> reasoning,
        @JsonProperty("create_time") Optional<Timestamp> createTime,
        @JsonProperty("update_time") Optional<Timestamp> updateTime,
        @JsonProperty("conversation_id") Optional<String> conversationId,
        @JsonProperty("status") Optional<String> status,
        @JsonProperty("relativity") Optional<Double> relativity,
        @JsonProperty("sources") List<Map<String, Object>> sources,
        @JsonProperty("info") Map<String, Object> info,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values: null lists and maps become empty, null optionals empty.
     *
     * @param id preference id
     * @param preference the preference statement
     * @param preferenceType {@code explicit_preference} or {@code implicit_preference}
     * @param reasoning why it was inferred
     * @param createTime creation time
     * @param updateTime last update time
     * @param conversationId the conversation it came from
     * @param status usually {@code activated}
     * @param relativity relevance to the query, 0..1, when the service sends it
     * @param sources the messages it came from (listing endpoints)
     * @param info metadata given at add time (listing endpoints)
     * @param additionalProperties fields this version does not know
     */
    public PreferenceDetail {
        id = id == null ? "" : id;
        preference = preference == null ? "" : preference;
        preferenceType = Models.opt(preferenceType);
        reasoning = Models.opt(reasoning);
        createTime = Models.opt(createTime);
        updateTime = Models.opt(updateTime);
        conversationId = Models.opt(conversationId);
        status = Models.opt(status);
        relativity = Models.opt(relativity);
        sources = Models.list(sources);
        info = Models.map(info);
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

    /**
     * Whether the user stated this preference (rather than it being inferred).
     *
     * @return whether the user stated this preference (rather than it being inferred)
     */
    @JsonIgnore
    public boolean isExplicit() {
        return preferenceType.map(t -> t.value().contains("explicit")).orElse(false);
    }

    /**
     * {@code update_time} when present, else {@code create_time}.
     *
     * @return the latest known time of the preference
     */
    public Optional<Timestamp> time() {
        return updateTime.isPresent() ? updateTime : createTime;
    }
}
