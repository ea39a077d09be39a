package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code get/memory}. Pages are per memory category: {@code total} is the largest count
 * among the categories.
 *
 * @param memoryDetailList fact memories on this page
 * @param preferenceDetailList preferences on this page
 * @param toolMemoryDetailList tool memories on this page
 * @param skillDetailList skills on this page
 * @param profileDetailList profile items on this page
 * @param eventDetailList event items on this page
 * @param total the largest item count among the categories
 * @param size entries per category per page
 * @param current this page's number, 1-based
 * @param pages number of pages
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record GetMemoryResponse(
        @JsonProperty("memory_detail_list") List<MemoryDetail> memoryDetailList,
        @JsonProperty("preference_detail_list") List<PreferenceDetail> preferenceDetailList,
        @JsonProperty("tool_memory_detail_list") List<ToolMemoryDetail> toolMemoryDetailList,
        @JsonProperty("skill_detail_list") List<SkillDetail> skillDetailList,
        @JsonProperty("profile_detail_list") List<DetailItem> profileDetailList,
        @JsonProperty("event_detail_list") List<DetailItem> eventDetailList,
        @JsonProperty("total") int total,
        @JsonProperty("size") int size,
        @JsonProperty("current") int current,
        @JsonProperty("pages") int pages,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param memoryDetailList fact memories on this page
     * @param preferenceDetailList preferences on this page
     * @param toolMemoryDetailList tool memories on this page
     * @param skillDetailList skills on this page
     * @param profileDetailList profile items on this page
     * @param eventDetailList event items on this page
     * @param total the largest item count among the categories
     * @param size entries per category per page
     * @param current this page's number, 1-based
     * @param pages number of pages
     * @param additionalProperties fields this version does not know
     */
    public GetMemoryResponse {
        memoryDetailList = Models.list(memoryDetailList);
        preferenceDetailList = Models.list(preferenceDetailList);
        toolMemoryDetailList = Models.list(toolMemoryDetailList);
        skillDetailList = Models.list(skillDetailList);
        profileDetailList = Models.list(profileDetailList);
        eventDetailList = Models.list(eventDetailList);
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * Whether a later page exists.
     *
     * @return whether a later page exists
     */
    public boolean hasNextPage() {
        return current < pages;
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
