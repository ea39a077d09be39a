package dev.memos4j.assistant.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a completion: the answer text and what the server said about it.
 *
 * @param text the answer (for a stream, all deltas joined)
 * @param finishReason why the model stopped, when the server said
 * @param usage token counts, when the server sent them
 * @param model the model that answered, when the server said
 * @param id the completion id, e.g. {@code chatcmpl-...}
 * @param requestId the server's request id ({@code x-request-id}), for support tickets
 * @param toolCalls the tool calls the model asked for, in order; empty when it answered with text only
 */
public record LlmResult(
        String text,
        Optional<FinishReason> finishReason,
        Optional<TokenUsage> usage,
        Optional<String> model,
        Optional<String> id,
        Optional<String> requestId,
        List<ToolCall> toolCalls) {

    /**
     * Validates: text is required; absent optionals become empty.
     *
     * @param text the answer (for a stream, all deltas joined)
     * @param finishReason why the model stopped, when the server said
     * @param usage token counts, when the server sent them
     * @param model the model that answered, when the server said
     * @param id the completion id, e.g. {@code chatcmpl-...}
     * @param requestId the server's request id ({@code x-request-id}), for support tickets
     * @param toolCalls the tool calls the model asked for, in order
     */
    public LlmResult {
        Objects.requireNonNull(text, "text is required");
        finishReason = finishReason == null ? Optional.empty() : finishReason;
        usage = usage == null ? Optional.empty() : usage;
        model = model == null ? Optional.empty() : model;
        id = id == null ? Optional.empty() : id;
        requestId = requestId == null ? Optional.empty() : requestId;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /**
     * A result without tool calls.
     *
     * @param text the answer (for a stream, all deltas joined)
     * @param finishReason why the model stopped, when the server said
     * @param usage token counts, when the server sent them
     * @param model the model that answered, when the server said
     * @param id the completion id, e.g. {@code chatcmpl-...}
     * @param requestId the server's request id ({@code x-request-id}), for support tickets
     */
    public LlmResult(
            String text,
            Optional<FinishReason> finishReason,
            Optional<TokenUsage> usage,
            Optional<String> model,
            Optional<String> id,
            Optional<String> requestId) {
        this(text, finishReason, usage, model, id, requestId, List.of());
    }

    /**
     * Whether the model asked for tool calls.
     *
     * @return true when {@link #toolCalls()} is not empty
     */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /**
     * A result with only text and the {@code stop} finish reason, for providers that know nothing else.
     *
     * @param text the answer
     * @return the result
     */
    public static LlmResult of(String text) {
        return new LlmResult(
                text,
                Optional.of(FinishReason.STOP),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * A result asking for tool calls, with the {@code tool_calls} finish reason.
     *
     * @param text any text the model wrote beside the calls; may be empty
     * @param toolCalls the calls, at least one
     * @return the result
     */
    public static LlmResult ofToolCalls(String text, List<ToolCall> toolCalls) {
        Objects.requireNonNull(toolCalls, "toolCalls");
        if (toolCalls.isEmpty()) {
            throw new IllegalArgumentException("toolCalls must not be empty");
        }
        return new LlmResult(
                text,
                Optional.of(FinishReason.TOOL_CALLS),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                toolCalls);
    }
}
