/**
 * {@link dev.memos4j.assistant.openai.OpenAiLlmProvider}: the OpenAI Chat Completions API over
 * {@code java.net.http}, for OpenAI and every server that speaks the same API (Ollama, vLLM, DeepSeek,
 * gateways), with streaming, typed errors and retries (the
 * MemOS client's {@link dev.memos4j.client.RetryPolicy} and retry engine).
 *
 * <p>Everything in this package is non-null unless a method says otherwise. Package-private classes are
 * implementation details.
 */
package dev.memos4j.assistant.openai;
