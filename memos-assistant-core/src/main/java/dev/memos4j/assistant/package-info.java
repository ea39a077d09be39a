/**
 * The facade applications embed: {@link dev.memos4j.assistant.MemoryAugmentedChat} runs one chat turn as
 * search memories, build the prompt, ask the LLM, write the exchange back, and returns a
 * {@link dev.memos4j.assistant.ChatReply}. {@link dev.memos4j.assistant.ChatOptions} holds the limits and
 * policies, {@link dev.memos4j.assistant.ChatListener} observes every stage.
 *
 * <p>The LLM seam lives in {@code dev.memos4j.assistant.llm}, the prompt seam in
 * {@code dev.memos4j.assistant.prompt}, the OpenAI provider in {@code dev.memos4j.assistant.openai}.
 * Everything is non-null unless a method says otherwise; optional values are {@link java.util.Optional}.
 */
package dev.memos4j.assistant;
