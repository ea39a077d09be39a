package dev.memos4j.assistant.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * One message of an LLM conversation: a role ({@code system}, {@code user}, {@code assistant},
 * {@code tool}, or any role a compatible server understands) and its text.
 *
 * @param role the role, e.g. {@link #SYSTEM}
 * @param content the text
 * @param toolCallId for {@code tool} messages, the id of the call they answer
 */
public record ChatMessage(String role, String content, Optional<String> toolCallId) {

    /** The {@code system} role: instructions for the model. */
    public static final String SYSTEM = "system";
    /** The {@code user} role. */
    public static final String USER = "user";
    /** The {@code assistant} role: earlier answers of the model. */
    public static final String ASSISTANT = "assistant";
    /** The {@code tool} role: the result of a tool call. */
    public static final String TOOL = "tool";

    /**
     * Validates: role and content are required, the role must not be blank.
     *
     * @param role the role, e.g. {@link #SYSTEM}
     * @param content the text
     * @param toolCallId for {@code tool} messages, the id of the call they answer
     */
    public ChatMessage {
        Objects.requireNonNull(role, "role is required");
        if (role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        Objects.requireNonNull(content, "content is required");
        toolCallId = toolCallId == null ? Optional.empty() : toolCallId;
    }

    /**
     * A system message.
     *
     * @param content the instructions
     * @return the message
     */
    public static ChatMessage system(String content) {
        return new ChatMessage(SYSTEM, content, Optional.empty());
    }

    /**
     * A user message.
     *
     * @param content the user's text
     * @return the message
     */
    public static ChatMessage user(String content) {
        return new ChatMessage(USER, content, Optional.empty());
    }

    /**
     * An assistant message.
     *
     * @param content the assistant's earlier answer
     * @return the message
     */
    public static ChatMessage assistant(String content) {
        return new ChatMessage(ASSISTANT, content, Optional.empty());
    }

    /**
     * A tool message answering a tool call.
     *
     * @param toolCallId the id of the call
     * @param content the tool's result
     * @return the message
     */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage(TOOL, content, Optional.of(Objects.requireNonNull(toolCallId, "toolCallId")));
    }
}
