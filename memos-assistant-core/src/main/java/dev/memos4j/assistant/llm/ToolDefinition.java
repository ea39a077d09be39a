package dev.memos4j.assistant.llm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool the model may call: a name, a description the model reads to decide when to call it, and the
 * JSON schema of its arguments (as nested maps and lists, the way JSON is read into Java).
 *
 * <pre>{@code
 * ToolDefinition weather = new ToolDefinition(
 *     "get_weather",
 *     "The current weather of a city",
 *     Map.of("type", "object",
 *            "properties", Map.of("city", Map.of("type", "string")),
 *            "required", List.of("city")));
 * }</pre>
 *
 * @param name the name the model calls it by: 1 to 64 letters, digits, {@code _} or {@code -}
 * @param description what it does and when to use it; may be empty
 * @param parameters the JSON schema of the arguments, an object schema
 */
public record ToolDefinition(String name, String description, Map<String, Object> parameters) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * Validates: the name follows the rule above, the description is not null, and the parameters are
     * a schema of {@code "type": "object"} (an empty map stands for an object with no properties).
     *
     * @param name the name the model calls it by
     * @param description what it does and when to use it
     * @param parameters the JSON schema of the arguments
     */
    public ToolDefinition {
        Objects.requireNonNull(name, "name is required");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name must be 1 to 64 letters, digits, '_' or '-', was \"" + name + "\"");
        }
        Objects.requireNonNull(description, "description is required (it may be empty)");
        Objects.requireNonNull(parameters, "parameters is required");
        Map<String, Object> schema = new LinkedHashMap<>(parameters);
        if (schema.isEmpty()) {
            schema.put("type", "object");
            schema.put("properties", Map.of());
        }
        if (!"object".equals(schema.get("type"))) {
            throw new IllegalArgumentException(
                    "parameters must be a JSON schema with \"type\": \"object\", was type " + schema.get("type"));
        }
        parameters = Collections.unmodifiableMap(schema);
    }
}
