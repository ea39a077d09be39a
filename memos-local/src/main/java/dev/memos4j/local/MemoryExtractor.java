package dev.memos4j.local;

import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.Message;
import dev.memos4j.local.internal.LlmMemoryExtractor;
import dev.memos4j.local.internal.RuleBasedExtractor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Turns conversation messages into fact memories and preferences.
 *
 * <p>{@link LocalMemos} uses an extractor for {@code extract/memory} and, on every {@code add/message},
 * to detect preferences (and, for an LLM-based extractor, to distil "fine" memories in the background).
 * The "fast" memories, one per message turn, are made by the engine itself and do not depend on it.
 * Implementations are thread-safe.
 */
public interface MemoryExtractor {

    /**
     * Extracts memories and preferences from messages.
     *
     * @param messages the messages, oldest first
     * @param messageTime when the messages were written, to resolve relative dates ("tomorrow")
     * @return the facts and preferences found; nothing is stored
     */
    CompletableFuture<ExtractMemoryResponse> extract(List<Message> messages, Instant messageTime);

    /**
     * The offline extractor: recognises explicit preferences ("I prefer...", "from now on...", "always /
     * never...", "first list three key points...", "please remember I like...") and keeps the user's
     * statements as fact memories. Deterministic and instant.
     *
     * @return the offline extractor
     */
    static MemoryExtractor ruleBased() {
        return RuleBasedExtractor.INSTANCE;
    }

    /**
     * Extraction by a chat model: it reads the transcript and answers with facts (third person, relative
     * dates resolved against the message time) and explicit or implicit preferences, as JSON. A reply that
     * is not such JSON fails the extraction with {@link dev.memos4j.client.errors.MemosInvalidResponseException}.
     *
     * @param provider the model
     * @return an extractor that asks the chat model
     */
    static MemoryExtractor llm(LlmProvider provider) {
        return new LlmMemoryExtractor(Objects.requireNonNull(provider, "provider"));
    }
}
