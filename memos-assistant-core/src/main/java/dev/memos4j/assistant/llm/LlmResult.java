package dev.memos4j.assistant.llm;

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
 */
public record LlmResult(
        String text,
        Optional<FinishReason> finishReason,
        Optional<TokenUsage> usage,
        Optional<String> model,
        Optional<String> id,
        Optional<String> requestId) {

    /**
     * Validates: text is required; absent optionals become empty.
     *
     * @param text the answer (for a stream, all deltas joined)
     * @param finishReason why the model stopped, when the server said
     * @param usage token counts, when the server sent them
     * @param model the model that answered, when the server said
     * @param id the completion id, e.g. {@code chatcmpl-...}
     * @param requestId the server's request id ({@code x-request-id}), for support tickets
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
}
