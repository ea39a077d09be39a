/**
 * How recalled memories become the messages sent to the LLM: the {@link dev.memos4j.assistant.prompt.PromptBuilder}
 * SPI, its input {@link dev.memos4j.assistant.prompt.PromptContext}, the default builder modelled on MemOS's
 * recommended prompt ({@link dev.memos4j.assistant.prompt.DefaultPromptBuilder}) and the plain numbered-list
 * prompt of the MemOS home-assistant example ({@link dev.memos4j.assistant.prompt.NumberedMemoriesPromptBuilder}).
 *
 * <p>Everything in this package is non-null unless a method says otherwise.
 */
package dev.memos4j.assistant.prompt;
