package dev.memos4j.assistant.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.internal.Json;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one memory-tool call, checked before any request is sent: JSON object, known names
 * only, and never a user: the user is bound by the application, so an argument that names one is refused
 * rather than silently ignored.
 */
final class ToolArguments {

    private static final Set<String> SUBJECTS =
            Set.of("user_id", "userId", "user", "agent_id", "cube_id", "mem_cube_id");

    private final JsonNode node;

    private ToolArguments(JsonNode node) {
        this.node = node;
    }

    static ToolArguments parse(String json, Set<String> allowed) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the arguments are not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the arguments must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (SUBJECTS.contains(name)) {
                throw new IllegalArgumentException(
                        name + " cannot be set: these tools only reach the memories of the user they are bound to");
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown argument \"" + name + "\"; expected " + allowed);
            }
        }
        return new ToolArguments(node);
    }

    String requiredText(String name) {
        return optionalText(name)
                .orElseThrow(() -> new IllegalArgumentException(name + " is required and must be a non-blank string"));
    }

    Optional<String> optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-blank string");
        }
        return Optional.of(value.asText());
    }

    int optionalInt(String name, int fallback, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        int n;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            n = value.intValue();
        } else if (value.isTextual()) {
            n = parseInt(name, value.asText(), min, max); // some models quote numbers
        } else {
            throw new IllegalArgumentException(name + " must be an integer between " + min + " and " + max);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    JsonNode get(String name) {
        return node.get(name);
    }

    private static int parseInt(String name, String text, int min, int max) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer between " + min + " and " + max);
        }
    }
}
