package dev.memos4j.assistant.llm;

import dev.memos4j.client.errors.MemosException;

/**
 * Root of every failure an {@link LlmProvider} reports. Unchecked, and a {@link MemosException} like
 * every other failure memos4j reports, so a caller of {@code MemoryAugmentedChat} catches one root for
 * both the memory service and the model, and tells them apart by type when it matters. Subclasses say
 * what went wrong: {@link LlmServiceException} (the server answered with an error, with one subclass per
 * meaning), {@link LlmIoException}, {@link LlmTimeoutException}, {@link LlmStreamException} and
 * {@link LlmInvalidResponseException}.
 *
 * <pre>{@code
 * try {
 *     chat.chatBlocking(userId, conversationId, query);
 * } catch (LlmException e) {        // the model failed
 * } catch (MemosException e) {      // the memory service failed (a STRICT search, a closed client)
 * }
 * }</pre>
 */
public class LlmException extends MemosException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message.
     *
     * @param message what went wrong
     */
    public LlmException(String message) {
        super(message);
    }

    /**
     * A failure with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
