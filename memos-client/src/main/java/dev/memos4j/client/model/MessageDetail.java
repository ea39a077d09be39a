package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * One stored message ({@code message_detail_list} item).
 *
 * @param role {@code user} or {@code assistant}
 * @param content the message text
 * @param createTime creation time
 * @param updateTime update time
 * @param additionalProperties fields this version does not know (message id, ...)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record MessageDetail(
        @JsonProperty("role") Role role,
        @JsonProperty("content") String content,
        @JsonProperty("create_time") Optional<Timestamp> createTime,
        @JsonProperty("update_time") Optional<Timestamp> updateTime,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param role {@code user} or {@code assistant}
     * @param content the message text
     * @param createTime creation time
     * @param updateTime update time
     * @param additionalProperties fields this version does not know (message id, ...)
     */
    public MessageDetail {
        role = role == null ? Role.USER : role;
        content = content == null ? "" : content;
        createTime = Models.opt(createTime);
        updateTime = Models.opt(updateTime);
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
