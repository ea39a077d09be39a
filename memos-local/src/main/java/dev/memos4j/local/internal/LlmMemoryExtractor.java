package dev.memos4j.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmOptions;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.client.errors.MemosInvalidResponseException;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.ExtractedMemory;
import dev.memos4j.client.model.ExtractedPreference;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceType;
import dev.memos4j.local.MemoryExtractor;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Extraction by a chat model: the model reads the transcript and answers with JSON facts and
 * preferences, relative dates ("tomorrow", "last week") resolved against the time of the messages.
 */
public final class LlmMemoryExtractor implements MemoryExtractor {

    static final String INSTRUCTIONS = """
            You extract long-term memories from a conversation between a user and an assistant.
            Return only JSON, no prose, in this shape:
            {"memories": [{"key": "short title", "value": "one self-contained fact about the user"}],
             "preferences": [{"preference": "what the user wants", "reasoning": "why you think so",
                              "type": "explicit_preference or implicit_preference"}]}
            Rules: write facts in the third person ("The user ..."); keep names, numbers and places;
            replace relative dates with absolute dates using the message time given below;
            explicit_preference = the user stated it, implicit_preference = you inferred it;
            skip small talk and anything only the assistant said; return empty lists if nothing is worth keeping.""";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private final LlmProvider provider;

    /** Extraction with {@code provider}. */
    public LlmMemoryExtractor(LlmProvider provider) {
        this.provider = provider;
    }

    @Override
    public CompletableFuture<ExtractMemoryResponse> extract(List<Message> messages, Instant messageTime) {
        StringBuilder transcript = new StringBuilder("Message time: ")
                .append(DAY.format(messageTime.atZone(ZoneOffset.UTC)))
                .append("\n\nConversation:\n");
        for (Message message : messages) {
            transcript.append(message.role().value());
            message.chatTime()
                    .ifPresent(time -> transcript.append(" [").append(time).append(']'));
            transcript.append(": ").append(message.text().strip()).append('\n');
        }
        LlmRequest request = LlmRequest.builder()
                .addMessage(ChatMessage.system(INSTRUCTIONS))
                .addMessage(ChatMessage.user(transcript.toString()))
                .options(LlmOptions.builder().temperature(0.0).build())
                .build();
        return provider.complete(request).thenApply(result -> parse(result.text()));
    }

    /** Reads the model's JSON answer (a fenced code block is accepted). */
    static ExtractMemoryResponse parse(String answer) {
        String json = answer.strip();
        int start = json.indexOf('{');
        int end = json.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new MemosInvalidResponseException("memory extraction: the model did not answer with JSON");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json.substring(start, end + 1));
        } catch (IOException e) {
            throw new MemosInvalidResponseException(
                    "memory extraction: the model's JSON cannot be read: " + e.getMessage());
        }
        List<ExtractedMemory> memories = new ArrayList<>();
        for (JsonNode memory : root.path("memories")) {
            String value =
                    memory.isTextual() ? memory.asText() : memory.path("value").asText("");
            if (!value.isBlank()) {
                String key = memory.path("key").asText("");
                memories.add(new ExtractedMemory(
                        Optional.of(key.isBlank() ? MemoryKeys.keyOf(value) : key),
                        value.strip(),
                        Optional.of(MemoryType.LONG_TERM_MEMORY),
                        List.of(),
                        Map.of()));
            }
        }
        List<ExtractedPreference> preferences = new ArrayList<>();
        for (JsonNode preference : root.path("preferences")) {
            String text = preference.isTextual()
                    ? preference.asText()
                    : preference.path("preference").asText("");
            if (!text.isBlank()) {
                String type = preference.path("type").asText("implicit_preference");
                preferences.add(new ExtractedPreference(
                        text.strip(),
                        Optional.of(preference.path("reasoning").asText("")).filter(r -> !r.isBlank()),
                        Optional.of(type.contains("explicit") ? PreferenceType.EXPLICIT : PreferenceType.IMPLICIT),
                        Map.of()));
            }
        }
        return new ExtractMemoryResponse(true, memories, preferences, Map.of());
    }
}
