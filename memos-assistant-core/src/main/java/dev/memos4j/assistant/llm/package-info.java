/**
 * The LLM seam: {@link dev.memos4j.assistant.llm.LlmProvider} with its request, options, result and
 * streaming types, the typed exception tree rooted at {@link dev.memos4j.assistant.llm.LlmException}, and
 * two providers that need no network: {@link dev.memos4j.assistant.llm.NotConnectedLlmProvider} for
 * offline runs and {@link dev.memos4j.assistant.llm.ScriptedLlmProvider} for tests.
 *
 * <p>Everything in this package is non-null unless a method says otherwise; optional values are
 * {@link java.util.Optional}.
 */
package dev.memos4j.assistant.llm;
