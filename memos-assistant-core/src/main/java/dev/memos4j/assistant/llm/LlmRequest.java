package dev.memos4j.assistant.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider is asked: the messages, the options and, when the request comes from a
 * {@code MemoryAugmentedChat} turn, the {@link MemoryRecall} the messages were built from (query and
 * recalled texts), so a provider can see the recalled memories without parsing the prompt.
 *
 * <pre>{@code
 * LlmRequest request = LlmRequest.builder()
 *     .addMessage(ChatMessage.system("You are terse."))
 *     .addMessage(ChatMessage.user("Hello"))
 *     .options(LlmOptions.builder().temperature(0).build())
 *     .build();
 * }</pre>
 *
 * <p>With {@link Builder#tools(List) tools} the model may answer with {@link LlmResult#toolCalls() tool
 * calls} instead of text; the caller runs them and asks again with the assistant's
 * {@link ChatMessage#assistantToolCalls calls} and one {@link ChatMessage#tool tool message} per call added.
 *
 * @param messages the conversation, at least one message
 * @param options sampling options
 * @param recall the query and recalled texts the messages were built from, when known
 * @param tools the tools the model may call; empty for none
 * @param toolChoice whether and which tool the model must call; empty for the server's default
 */
public record LlmRequest(
        List<ChatMessage> messages,
        LlmOptions options,
        Optional<MemoryRecall> recall,
        List<ToolDefinition> tools,
        Optional<ToolChoice> toolChoice) {

    /**
     * Validates: at least one message, no null entries, tool names unique, and a tool choice only with
     * tools (naming one of them, when it names one).
     *
     * @param messages the conversation, at least one message
     * @param options sampling options
     * @param recall the query and recalled texts the messages were built from, when known
     * @param tools the tools the model may call
     * @param toolChoice whether and which tool the model must call
     */
    public LlmRequest {
        Objects.requireNonNull(messages, "messages is required");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        messages = List.copyOf(messages);
        options = options == null ? LlmOptions.none() : options;
        recall = recall == null ? Optional.empty() : recall;
        tools = tools == null ? List.of() : List.copyOf(tools);
        toolChoice = toolChoice == null ? Optional.empty() : toolChoice;
        var names = new HashSet<String>();
        for (ToolDefinition tool : tools) {
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException("tools must have unique names; \"" + tool.name() + "\" is repeated");
            }
        }
        if (toolChoice.isPresent() && tools.isEmpty()) {
            throw new IllegalArgumentException("toolChoice requires tools");
        }
        toolChoice.flatMap(ToolChoice::functionName).ifPresent(name -> {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("toolChoice names \"" + name + "\", which is not one of the tools");
            }
        });
    }

    /**
     * A request without tools.
     *
     * @param messages the conversation, at least one message
     * @param options sampling options
     * @param recall the query and recalled texts the messages were built from, when known
     */
    public LlmRequest(List<ChatMessage> messages, LlmOptions options, Optional<MemoryRecall> recall) {
        this(messages, options, recall, List.of(), Optional.empty());
    }

    /**
     * A builder holding this request's values, to make a variant (e.g. the next step of a tool loop).
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().messages(messages).options(options).tools(tools);
        recall.ifPresent(b::recall);
        toolChoice.ifPresent(b::toolChoice);
        return b;
    }

    /**
     * A request with these messages and no options.
     *
     * @param messages the conversation
     * @return the request
     */
    public static LlmRequest of(List<ChatMessage> messages) {
        return new LlmRequest(messages, LlmOptions.none(), Optional.empty());
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The text of the last {@code user} message, or empty when there is none.
     *
     * @return the latest user text
     */
    public Optional<String> lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (ChatMessage.USER.equals(messages.get(i).role())) {
                return Optional.of(messages.get(i).content());
            }
        }
        return Optional.empty();
    }

    /** Builds {@link LlmRequest}. */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private LlmOptions options = LlmOptions.none();
        private MemoryRecall recall;
        private final List<ToolDefinition> tools = new ArrayList<>();
        private ToolChoice toolChoice;

        private Builder() {}

        /**
         * Replaces the tools the model may call.
         *
         * @param tools the tools; empty for none
         * @return this builder
         */
        public Builder tools(List<ToolDefinition> tools) {
            this.tools.clear();
            this.tools.addAll(Objects.requireNonNull(tools, "tools"));
            return this;
        }

        /**
         * Whether and which tool the model must call.
         *
         * @param toolChoice the choice; null for the server's default
         * @return this builder
         */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /**
         * Replaces the messages.
         *
         * @param messages the conversation
         * @return this builder
         */
        public Builder messages(List<ChatMessage> messages) {
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        /**
         * Appends a message.
         *
         * @param message the message
         * @return this builder
         */
        public Builder addMessage(ChatMessage message) {
            this.messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * The sampling options.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(LlmOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The query and recalled texts the messages were built from.
         *
         * @param recall the recall
         * @return this builder
         */
        public Builder recall(MemoryRecall recall) {
            this.recall = Objects.requireNonNull(recall, "recall");
            return this;
        }

        /**
         * The request.
         *
         * @return the validated request
         */
        public LlmRequest build() {
            return new LlmRequest(
                    messages, options, Optional.ofNullable(recall), tools, Optional.ofNullable(toolChoice));
        }
    }
}
