package dev.memos4j.assistant.llm;

/**
 * Tokens a completion used, as the server counted them.
 *
 * @param promptTokens tokens of the prompt
 * @param completionTokens tokens of the answer
 * @param totalTokens both together
 */
public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {

    /**
     * Validates that no count is negative.
     *
     * @param promptTokens tokens of the prompt
     * @param completionTokens tokens of the answer
     * @param totalTokens both together
     */
    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }
}
