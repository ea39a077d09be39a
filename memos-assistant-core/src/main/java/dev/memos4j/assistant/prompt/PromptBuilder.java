package dev.memos4j.assistant.prompt;

import dev.memos4j.assistant.llm.ChatMessage;
import java.util.List;

/**
 * Turns a query and the memories recalled for it into the messages sent to the LLM. Implementations are
 * pure and thread-safe: the same context gives the same messages, and no I/O happens here.
 *
 * <p>Put recalled memories in a system message, never into the user's own message, so that what the
 * user said stays separable from what was injected.
 *
 * <pre>{@code
 * PromptBuilder terse = context -> List.of(
 *     ChatMessage.system("Answer in one sentence. Known facts: " + context.memoryTexts()),
 *     ChatMessage.user(context.query()));
 * }</pre>
 */
@FunctionalInterface
public interface PromptBuilder {

    /**
     * The messages for one turn.
     *
     * @param context the query, recalled memories and preferences, ids and current time
     * @return the messages in order; not empty, and ending with the user's query
     */
    List<ChatMessage> build(PromptContext context);
}
