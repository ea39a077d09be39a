package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@code search/memory}: fact memories, preferences and the other kinds the request asked
 * for, most relevant first.
 *
 * @param memoryDetailList fact memories
 * @param preferenceDetailList preferences
 * @param toolMemoryDetailList tool memories
 * @param skillDetailList skills
 * @param profileDetailList profile items
 * @param eventDetailList event items
 * @param messageDetailList raw messages (usually empty)
 * @param preferenceNote the service's instruction text about respecting preferences ({@code ""} or
 *     absent when there are none; an explicit JSON {@code null} is accepted)
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SearchMemoryResponse(
        @JsonProperty("memory_detail_list") List<MemoryDetail> memoryDetailList,
        @JsonProperty("preference_detail_list") List<PreferenceDetail> preferenceDetailList,
        @JsonProperty("tool_memory_detail_list") List<ToolMemoryDetail> toolMemoryDetailList,
        @JsonProperty("skill_detail_list") List<SkillDetail> skillDetailList,
        @JsonProperty("profile_detail_list") List<DetailItem> profileDetailList,
        @JsonProperty("event_detail_list") List<DetailItem> eventDetailList,
        @JsonProperty("message_detail_list") List<MessageDetail> messageDetailList,
        @JsonProperty("preference_note") Optional<String> preferenceNote,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param memoryDetailList fact memories
     * @param preferenceDetailList preferences
     * @param toolMemoryDetailList tool memories
     * @param skillDetailList skills
     * @param profileDetailList profile items
     * @param eventDetailList event items
     * @param messageDetailList raw messages (usually empty)
     * @param preferenceNote the service's instruction text about respecting preferences ({@code ""} or
     * @param additionalProperties fields this version does not know
     */
    public SearchMemoryResponse {
        memoryDetailList = Models.list(memoryDetailList);
        preferenceDetailList = Models.list(preferenceDetailList);
        toolMemoryDetailList = Models.list(toolMemoryDetailList);
        skillDetailList = Models.list(skillDetailList);
        profileDetailList = Models.list(profileDetailList);
        eventDetailList = Models.list(eventDetailList);
        messageDetailList = Models.list(messageDetailList);
        preferenceNote = Models.opt(preferenceNote);
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * A response with only facts and preferences.
     *
     * @param memories the fact memories
     * @param preferences the preferences
     * @return a response with only facts and preferences
     */
    public static SearchMemoryResponse of(List<MemoryDetail> memories, List<PreferenceDetail> preferences) {
        return new SearchMemoryResponse(memories, preferences, null, null, null, null, null, null, null);
    }

    /**
     * Fact memories, most relevant first.
     *
     * @return the fact memories ({@code memory_detail_list}), never null
     */
    public List<MemoryDetail> memories() {
        return memoryDetailList;
    }

    /**
     * Preferences, most relevant first.
     *
     * @return the preferences ({@code preference_detail_list}), never null
     */
    public List<PreferenceDetail> preferences() {
        return preferenceDetailList;
    }

    /**
     * Tool memories.
     *
     * @return the tool memories ({@code tool_memory_detail_list}), never null
     */
    public List<ToolMemoryDetail> toolMemories() {
        return toolMemoryDetailList;
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
