package dev.memos4j.assistant.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether and which tool the model must call ({@code tool_choice}): {@link #AUTO} lets it decide,
 * {@link #NONE} forbids tool calls, {@link #REQUIRED} demands at least one, {@link #function(String)}
 * demands that one.
 */
public final class ToolChoice {

    /** The model decides whether to call tools (the server's default when tools are given). */
    public static final ToolChoice AUTO = new ToolChoice("auto", null);
    /** The model must answer with text and call no tool. */
    public static final ToolChoice NONE = new ToolChoice("none", null);
    /** The model must call at least one tool. */
    public static final ToolChoice REQUIRED = new ToolChoice("required", null);

    private final String mode;
    private final String functionName;

    private ToolChoice(String mode, String functionName) {
        this.mode = mode;
        this.functionName = functionName;
    }

    /**
     * The model must call this tool.
     *
     * @param name the tool's name, one of the request's tools
     * @return the choice
     */
    public static ToolChoice function(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return new ToolChoice("function", name);
    }

    /**
     * The mode: {@code auto}, {@code none}, {@code required} or {@code function}.
     *
     * @return the mode
     */
    public String mode() {
        return mode;
    }

    /**
     * The tool the model must call, for {@link #function(String)}.
     *
     * @return the tool's name
     */
    public Optional<String> functionName() {
        return Optional.ofNullable(functionName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolChoice other
                && other.mode.equals(mode)
                && Objects.equals(other.functionName, functionName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, functionName);
    }

    @Override
    public String toString() {
        return functionName == null ? mode : mode + ":" + functionName;
    }
}
