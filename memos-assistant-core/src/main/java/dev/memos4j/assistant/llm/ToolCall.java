package dev.memos4j.assistant.llm;

import java.util.Objects;

/**
 * A call of a tool the model asked for. The arguments are the JSON text exactly as the model wrote it:
 * models do write broken JSON at times, so the tool parses and validates them.
 *
 * @param id the call's id; the tool-result message answering it carries the same id
 * @param name the tool's name
 * @param arguments the arguments as JSON text, {@code "{}"} when the model sent none
 */
public record ToolCall(String id, String name, String arguments) {

    /**
     * Validates: id and name are required and not blank; null or blank arguments become {@code "{}"}.
     *
     * @param id the call's id
     * @param name the tool's name
     * @param arguments the arguments as JSON text
     */
    public ToolCall {
        Objects.requireNonNull(id, "id is required");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(name, "name is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }
}
