package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One fact memory ({@code memory_detail_list} item).
 *
 * @param id memory id, for delete, update and get-by-id
 * @param memoryKey title or short summary; for fast-mode items the raw first line
 * @param memoryValue the full memory text
 * @param memoryType {@code WorkingMemory}, {@code LongTermMemory}, {@code UserMemory}, ...
 * @param createTime creation time
 * @param updateTime last update time
 * @param conversationId the conversation the memory came from
 * @param status usually {@code activated}
 * @param confidence extraction confidence, 0..1
 * @param tags automatic and custom tags, e.g. {@code mode:fast}
 * @param relativity relevance to the query, 0..1 (search results only)
 * @param sources the messages the memory came from (listing endpoints)
 * @param info metadata given when the messages were added (listing endpoints)
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record MemoryDetail(
        @JsonProperty("id") String id,
        @JsonProperty("memory_key") Optional<String> memoryKey,
        @JsonProperty("memory_value") String memoryValue,
        @JsonProperty("memory_type") Optional<MemoryType> memoryType,
        @JsonProperty("create_time") Optional<Timestamp> createTime,
        @JsonProperty("update_time") Optional<Timestamp> updateTime,
        @JsonProperty("conversation_id") Optional<String> conversationId,
        @JsonProperty("status") Optional<String> status,
        @JsonProperty("confidence") Optional<Double> confidence,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("relativity") Optional<Double> relativity,
        @JsonProperty("sources") List<Map<String, Object>> sources,
        @JsonProperty("info") Map<String, Object> info,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values: null lists and maps become empty, null optionals empty.
     *
     * @param id memory id, for delete, update and get-by-id
     * @param memoryKey title or short summary; for fast-mode items the raw first line
     * @param memoryValue the full memory text
     * @param memoryType {@code WorkingMemory}, {@code LongTermMemory}, {@code UserMemory}, ...
     * @param createTime creation time
     * @param updateTime last update time
     * @param conversationId the conversation the memory came from
     * @param status usually {@code activated}
     * @param confidence extraction confidence, 0..1
     * @param tags automatic and custom tags, e.g. {@code mode:fast}
     * @param relativity relevance to the query, 0..1 (search results only)
     * @param sources the messages the memory came from (listing endpoints)
     * @param info metadata given when the messages were added (listing endpoints)
     * @param additionalProperties fields this version does not know
     */
    public MemoryDetail {
        id = id == null ? "" : id;
        memoryKey = Models.opt(memoryKey);
        memoryValue = memoryValue == null ? "" : memoryValue;
        memoryType = Models.opt(memoryType);
        createTime = Models.opt(createTime);
        updateTime = Models.opt(updateTime);
        conversationId = Models.opt(conversationId);
        status = Models.opt(status);
        confidence = Models.opt(confidence);
        tags = Models.list(tags);
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
     * The best text to show: {@code memory_value}, else {@code memory_key}.
     *
     * @return the best text to show: {@code memory_value}, else {@code memory_key}
     */
    public String text() {
        return memoryValue.isEmpty() ? memoryKey.orElse("") : memoryValue;
    }

    /**
     * {@code update_time} when present, else {@code create_time}.
     *
     * @return the latest known time of the memory
     */
    public Optional<Timestamp> time() {
        return updateTime.isPresent() ? updateTime : createTime;
    }
}
