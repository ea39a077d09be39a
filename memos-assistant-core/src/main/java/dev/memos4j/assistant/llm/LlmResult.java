package dev.memos4j.assistant.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a completion: the answer text, any tool calls the model asked for, and what the server
 * said about it.
 *
 * <p>A result marked {@link #placeholder()} carries text that is not a model's answer (a stand-in such as
 * {@link NotConnectedLlmProvider}'s); the chat facade shows it but never stores it as a memory.
 *
 * @param text the answer (for a stream, all deltas joined)
 * @param finishReason why the model stopped, when the server said
 * @param usage token counts, when the server sent them
 * @param model the model that answered, when the server said
 * @param id the completion id, e.g. {@code chatcmpl-...}
 * @param requestId the server's request id ({@code x-request-id}), for support tickets
 * @param toolCalls the tool calls the model asked for, in order; empty when it answered with text only
 * @param placeholder true when the text stands in for an answer no model gave, so it must not be
 *     remembered
 */
public record LlmResult(
        String text,
        Optional<FinishReason> finishReason,
        Optional<TokenUsage> usage,
        Optional<String> model,
        Optional<String> id,
        Optional<String> requestId,
        List<ToolCall> toolCalls,
        boolean placeholder) {

    /**
     * Validates: text is required; absent optionals become empty, absent tool calls an empty list.
     *
     * @param text the answer (for a stream, all deltas joined)
     * @param finishReason why the model stopped, when the server said
     * @param usage token counts, when the server sent them
     * @param model the model that answered, when the server said
     * @param id the completion id, e.g. {@code chatcmpl-...}
     * @param requestId the server's request id ({@code x-request-id}), for support tickets
     * @param toolCalls the tool calls the model asked for, in order
     * @param placeholder true when the text stands in for an answer no model gave
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
     * A model's answer without tool calls (not a placeholder), as before those components existed.
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
        this(text, finishReason, usage, model, id, requestId, List.of(), false);
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
        return textOnly(text, false);
    }

    /**
     * A stand-in text that no model gave, e.g. "[LLM not connected] ...": shown to the user, never stored
     * as a memory.
     *
     * @param text the stand-in text
     * @return the result, marked {@link #placeholder()}
     */
    public static LlmResult ofPlaceholder(String text) {
        return textOnly(text, true);
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
                toolCalls,
                false);
    }

    private static LlmResult textOnly(String text, boolean placeholder) {
        return new LlmResult(
                text,
                Optional.of(FinishReason.STOP),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                placeholder);
    }
}
