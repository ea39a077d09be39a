package dev.memos4j.assistant.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of an LLM conversation: a role ({@code system}, {@code user}, {@code assistant},
 * {@code tool}, or any role a compatible server understands) and its text. An assistant message may carry
 * the tool calls the model asked for; a {@code tool} message answers one of them.
 *
 * @param role the role, e.g. {@link #SYSTEM}
 * @param content the text
 * @param toolCallId for {@code tool} messages, the id of the call they answer
 * @param toolCalls for {@code assistant} messages, the tool calls the model asked for; empty otherwise
 */
public record ChatMessage(String role, String content, Optional<String> toolCallId, List<ToolCall> toolCalls) {

    /** The {@code system} role: instructions for the model. */
    public static final String SYSTEM = "system";
    /** The {@code user} role. */
    public static final String USER = "user";
    /** The {@code assistant} role: earlier answers of the model. */
    public static final String ASSISTANT = "assistant";
    /** The {@code tool} role: the result of a tool call. */
    public static final String TOOL = "tool";

    /**
     * Validates: role and content are required, the role must not be blank, and only assistant messages
     * carry tool calls.
     *
     * @param role the role, e.g. {@link #SYSTEM}
     * @param content the text
     * @param toolCallId for {@code tool} messages, the id of the call they answer
     * @param toolCalls for {@code assistant} messages, the tool calls the model asked for
     */
    public ChatMessage {
        Objects.requireNonNull(role, "role is required");
        if (role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        Objects.requireNonNull(content, "content is required");
        toolCallId = toolCallId == null ? Optional.empty() : toolCallId;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && !ASSISTANT.equals(role)) {
            throw new IllegalArgumentException("toolCalls are only allowed on assistant messages, not on " + role);
        }
    }

    /**
     * A message without tool calls.
     *
     * @param role the role, e.g. {@link #SYSTEM}
     * @param content the text
     * @param toolCallId for {@code tool} messages, the id of the call they answer
     */
    public ChatMessage(String role, String content, Optional<String> toolCallId) {
        this(role, content, toolCallId, List.of());
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

    /**
     * An assistant message that asks for tool calls, as the model answered; sent back to the model
     * before the tool-result messages that answer the calls.
     *
     * @param content any text the model wrote beside the calls; may be empty
     * @param toolCalls the calls, at least one
     * @return the message
     */
    public static ChatMessage assistantToolCalls(String content, List<ToolCall> toolCalls) {
        Objects.requireNonNull(toolCalls, "toolCalls");
        if (toolCalls.isEmpty()) {
            throw new IllegalArgumentException("toolCalls must not be empty");
        }
        return new ChatMessage(ASSISTANT, content, Optional.empty(), toolCalls);
    }
}
