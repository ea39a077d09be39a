package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One skill memory ({@code skill_detail_list} item).
 *
 * @param id skill id
 * @param skillValue the skill: {@code name}, {@code description}, {@code procedure}, ...
 * @param skillUrl download link
 * @param skillType skill type
 * @param createTime creation time
 * @param updateTime last update time
 * @param conversationId originating conversation
 * @param status usually {@code activated}
 * @param confidence confidence, 0..1
 * @param tags tags
 * @param relativity relevance, 0..1 (numeric strings are accepted)
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SkillDetail(
        @JsonProperty("id") String id,
        @JsonProperty("skill_value") Map<String, Object> skillValue,
        @JsonProperty("skill_url") Optional<String> skillUrl,
        @JsonProperty("skill_type") Optional<String> skillType,
        @JsonProperty("create_time") Optional<Timestamp> createTime,
        @JsonProperty("update_time") Optional<Timestamp> updateTime,
        @JsonProperty("conversation_id") Optional<String> conversationId,
        @JsonProperty("status") Optional<String> status,
        @JsonProperty("confidence") Optional<Double> confidence,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("relativity") Optional<Double> relativity,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param id skill id
     * @param skillValue the skill: {@code name}, {@code description}, {@code procedure}, ...
     * @param skillUrl download link
     * @param skillType skill type
     * @param createTime creation time
     * @param updateTime last update time
     * @param conversationId originating conversation
     * @param status usually {@code activated}
     * @param confidence confidence, 0..1
     * @param tags tags
     * @param relativity relevance, 0..1 (numeric strings are accepted)
     * @param additionalProperties fields this version does not know
     */
    public SkillDetail {
        id = id == null ? "" : id;
        skillValue = Models.map(skillValue);
        skillUrl = Models.opt(skillUrl);
        skillType = Models.opt(skillType);
        createTime = Models.opt(createTime);
        updateTime = Models.opt(updateTime);
        conversationId = Models.opt(conversationId);
        status = Models.opt(status);
        confidence = Models.opt(confidence);
        tags = Models.list(tags);
        relativity = Models.opt(relativity);
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
