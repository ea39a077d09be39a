/**
 * Tools a model can call: the {@link dev.memos4j.assistant.tools.Tool} contract, the ready-made
 * {@link dev.memos4j.assistant.tools.MemoryTools} over any {@code MemosClient}, and the limits of the tool
 * loop {@code MemoryAugmentedChat} runs.
 */
package dev.memos4j.assistant.tools;
