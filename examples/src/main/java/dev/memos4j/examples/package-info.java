/**
 * Small, runnable examples of memos4j. Each has a {@code main} that works with no keys (the embedded
 * memory engine and a not-connected model) and switches to MemOS cloud and OpenAI when
 * {@code MEMOS_API_KEY} and {@code OPENAI_API_KEY} are set. The home-assistant demo lives in
 * {@code dev.memos4j.examples.homeassistant}.
 */
package dev.memos4j.examples;
