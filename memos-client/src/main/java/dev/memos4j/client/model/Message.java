package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation message sent to {@code add/message} or {@code extract/memory}.
 *
 * <p>{@code content} is a string, or, for multimodal input, a list of parts as the service defines them
 * ({@code {"type":"text","text":...}}, {@code {"type":"image_url","image_url":{"url":...}}}, ...).
 *
 * <pre>{@code
 * Message.user("Take the kids to the zoo on Saturday, please remember it.")
 * Message.assistant("Noted: zoo with the kids on Saturday.").withChatTime("2026-11-20 09:00:00")
 * }</pre>
 *
 * @param role {@code user}, {@code assistant}, {@code system} or {@code tool}
 * @param content a string, or a list of content parts (maps)
 * @param chatTime when the message was said: {@code "2025-09-12 08:00:00"} or free text
 * @param toolCalls assistant tool calls, as the service defines them
 * @param toolCallId for tool results, the call they answer
 * @param additionalProperties further fields to send as they are
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Message(
        @JsonProperty("role") Role role,
        @JsonProperty("content") Object content,
        @JsonProperty("chat_time") Optional<String> chatTime,
        @JsonProperty("tool_calls") Optional<List<Map<String, Object>>> toolCalls,
        @JsonProperty("tool_call_id") Optional<String> toolCallId,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Validates: a role is required, and content unless the message only carries tool calls.
     *
     * @param role {@code user}, {@code assistant}, {@code system} or {@code tool}
     * @param content a string, or a list of content parts (maps)
     * @param chatTime when the message was said: {@code "2025-09-12 08:00:00"} or free text
     * @param toolCalls assistant tool calls, as the service defines them
     * @param toolCallId for tool results, the call they answer
     * @param additionalProperties further fields to send as they are
     */
    public Message {
        Objects.requireNonNull(role, "role is required");
        chatTime = Models.opt(chatTime);
        toolCalls = Models.opt(toolCalls);
        toolCallId = Models.opt(toolCallId);
        if (content == null && toolCalls.isEmpty()) {
            throw new IllegalArgumentException("messages[].content is required");
        }
        if (content != null && !(content instanceof String) && !(content instanceof List)) {
            throw new IllegalArgumentException("messages[].content must be a string or a list of parts");
        }
        if (content instanceof List<?> parts) {
            content = List.copyOf(parts);
        }
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * A message with a role and text.
     *
     * @param role who speaks
     * @param text the message text
     * @return a message with a role and text
     */
    public static Message of(Role role, String text) {
        return new Message(role, Objects.requireNonNull(text, "content is required"), null, null, null, null);
    }

    /**
     * A user message.
     *
     * @param text the message text
     * @return a user message
     */
    public static Message user(String text) {
        return of(Role.USER, text);
    }

    /**
     * An assistant message.
     *
     * @param text the message text
     * @return an assistant message
     */
    public static Message assistant(String text) {
        return of(Role.ASSISTANT, text);
    }

    /**
     * A system message.
     *
     * @param text the message text
     * @return a system message
     */
    public static Message system(String text) {
        return of(Role.SYSTEM, text);
    }

    /**
     * This message with {@code chat_time} set.
     *
     * @param chatTime when the message was said, as text the service understands
     * @return this message with {@code chat_time} set
     */
    public Message withChatTime(String chatTime) {
        return new Message(role, content, Optional.ofNullable(chatTime), toolCalls, toolCallId, additionalProperties);
    }

    /**
     * The text of the message: the string content, or the {@code text} parts joined by newlines.
     *
     * @return the text of the message: the string content, or the {@code text} parts joined by newlines
     */
    public String text() {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof List<?> parts) {
            StringBuilder sb = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Map<?, ?> map && map.get("text") instanceof String t) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(t);
                }
            }
            return sb.toString();
        }
        return "";
    }

    /**
     * Further fields to send as they are.
     *
     * @return the further fields, never null
     */
    @Override
    @JsonAnyGetter
    public Map<String, Object> additionalProperties() {
        return additionalProperties;
    }
}
