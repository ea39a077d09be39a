package dev.memos4j.assistant.tools;

import dev.memos4j.assistant.llm.ToolDefinition;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A tool the model can call: its {@link ToolDefinition} and the code that runs a call.
 *
 * <pre>{@code
 * Tool clock = Tool.of(
 *     new ToolDefinition("current_time", "The current time in UTC", Map.of()),
 *     arguments -> CompletableFuture.completedFuture(Instant.now().toString()));
 * }</pre>
 *
 * <p>A call runs with the arguments exactly as the model wrote them (JSON text, possibly broken) and
 * answers with the text the model reads next. Bad arguments fail the returned future (or throw) with an
 * {@link IllegalArgumentException} naming the argument and the rule; the tool loop hands that message to
 * the model as the tool's result, so the model can correct itself. Implementations are thread-safe and do
 * not block the calling thread.
 */
public interface Tool {

    /**
     * What the model is told about the tool.
     *
     * @return the definition
     */
    ToolDefinition definition();

    /**
     * Runs one call.
     *
     * @param arguments the arguments as JSON text, {@code "{}"} when there are none
     * @return the result for the model; fails when the call failed
     */
    CompletableFuture<String> call(String arguments);

    /**
     * The tool's name, from its definition.
     *
     * @return the name
     */
    default String name() {
        return definition().name();
    }

    /**
     * A tool from a definition and a function.
     *
     * @param definition what the model is told
     * @param handler runs a call with the JSON arguments
     * @return the tool
     */
    static Tool of(ToolDefinition definition, Function<String, CompletableFuture<String>> handler) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(handler, "handler");
        return new Tool() {
            @Override
            public ToolDefinition definition() {
                return definition;
            }

            @Override
            public CompletableFuture<String> call(String arguments) {
                return handler.apply(arguments);
            }

            @Override
            public String toString() {
                return "Tool{" + definition.name() + "}";
            }
        };
    }
}
