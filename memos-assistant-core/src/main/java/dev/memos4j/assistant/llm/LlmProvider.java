package dev.memos4j.assistant.llm;

import java.util.concurrent.CompletableFuture;

/**
 * A chat-completion model: one answer at once, or the answer as a stream of text deltas.
 *
 * <p>Implementations are thread-safe and never block the calling thread: failures arrive through the
 * returned future (or the stream's {@link LlmStream#completion()}) as {@link LlmException}s, except bad
 * arguments, which are thrown at once.
 *
 * <pre>{@code
 * LlmProvider llm = OpenAiLlmProvider.fromEnv();
 * llm.complete(LlmRequest.of(List.of(ChatMessage.user("Hi"))))
 *    .thenAccept(result -> System.out.println(result.text()));
 * }</pre>
 */
public interface LlmProvider {

    /**
     * Asks for the whole answer.
     *
     * @param request the messages and options
     * @return the answer; completes exceptionally with an {@link LlmException} on failure
     */
    CompletableFuture<LlmResult> complete(LlmRequest request);

    /**
     * Asks for the answer as a stream. Deltas go to {@code listener} in order, on a thread of the
     * provider's choosing; the returned handle's {@link LlmStream#completion()} completes with the whole
     * answer only when the stream finished normally. A stream that breaks off fails, it never completes
     * with partial text.
     *
     * @param request the messages and options
     * @param listener receives the text deltas
     * @return a handle to await or cancel the stream
     */
    LlmStream stream(LlmRequest request, StreamListener listener);

    /**
     * A short name for logs and listeners, e.g. {@code openai:gpt-4o}.
     *
     * @return the provider's name
     */
    default String name() {
        return getClass().getSimpleName();
    }
}
