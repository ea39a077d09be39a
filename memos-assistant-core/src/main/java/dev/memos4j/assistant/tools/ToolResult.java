package dev.memos4j.assistant.tools;

import dev.memos4j.assistant.llm.ToolCall;
import java.util.Objects;

/**
 * What one tool call gave back to the model: the tool's answer, or the error it was told instead (an
 * unknown tool, bad arguments, a failure, a timeout).
 *
 * @param call the call the model asked for
 * @param content the text sent back as the tool message
 * @param error whether the call failed and {@code content} describes the failure
 */
public record ToolResult(ToolCall call, String content, boolean error) {

    /**
     * Validates: call and content are required.
     *
     * @param call the call the model asked for
     * @param content the text sent back as the tool message
     * @param error whether the call failed
     */
    public ToolResult {
        Objects.requireNonNull(call, "call is required");
        Objects.requireNonNull(content, "content is required");
    }
}
