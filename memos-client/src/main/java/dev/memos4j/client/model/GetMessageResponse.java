package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code get/message}: the most recent raw messages of a conversation, oldest first.
 *
 * @param messageDetailList the messages
 * @param additionalProperties fields this version does not know
 */
public record GetMessageResponse(
        @JsonProperty("message_detail_list") List<MessageDetail> messageDetailList,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param messageDetailList the messages
     * @param additionalProperties fields this version does not know
     */
    public GetMessageResponse {
        messageDetailList = Models.list(messageDetailList);
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * The messages, oldest first.
     *
     * @return the messages, oldest first
     */
    public List<MessageDetail> messages() {
        return messageDetailList;
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
