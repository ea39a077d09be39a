package dev.memos4j.assistant.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a completion: the answer text and what the server said about it.
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
        boolean placeholder) {

    /**
     * Validates: text is required; absent optionals become empty.
     *
     * @param text the answer (for a stream, all deltas joined)
     * @param finishReason why the model stopped, when the server said
     * @param usage token counts, when the server sent them
     * @param model the model that answered, when the server said
     * @param id the completion id, e.g. {@code chatcmpl-...}
     * @param requestId the server's request id ({@code x-request-id}), for support tickets
     * @param placeholder true when the text stands in for an answer no model gave
     */
    public LlmResult {
        Objects.requireNonNull(text, "text is required");
        finishReason = finishReason == null ? Optional.empty() : finishReason;
        usage = usage == null ? Optional.empty() : usage;
        model = model == null ? Optional.empty() : model;
        id = id == null ? Optional.empty() : id;
        requestId = requestId == null ? Optional.empty() : requestId;
    }

    /**
     * A model's answer (not a placeholder), as before the {@code placeholder} component existed.
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
        this(text, finishReason, usage, model, id, requestId, false);
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

    private static LlmResult textOnly(String text, boolean placeholder) {
        return new LlmResult(
                text,
                Optional.of(FinishReason.STOP),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                placeholder);
    }
}
