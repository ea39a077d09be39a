package dev.memos4j.assistant.llm;

import dev.memos4j.assistant.prompt.PromptContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider is asked: the messages, the options and, when the request comes from a
 * {@code MemoryAugmentedChat} turn, the {@link PromptContext} the messages were built from, so a provider
 * can see the recalled memories without parsing the prompt.
 *
 * <pre>{@code
 * LlmRequest request = LlmRequest.builder()
 *     .addMessage(ChatMessage.system("You are terse."))
 *     .addMessage(ChatMessage.user("Hello"))
 *     .options(LlmOptions.builder().temperature(0).build())
 *     .build();
 * }</pre>
 *
 * @param messages the conversation, at least one message
 * @param options sampling options
 * @param promptContext the memories and query the messages were built from, when known
 */
public record LlmRequest(List<ChatMessage> messages, LlmOptions options, Optional<PromptContext> promptContext) {

    /**
     * Validates: at least one message, no null entries.
     *
     * @param messages the conversation, at least one message
     * @param options sampling options
     * @param promptContext the memories and query the messages were built from, when known
     */
    public LlmRequest {
        Objects.requireNonNull(messages, "messages is required");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        messages = List.copyOf(messages);
        options = options == null ? LlmOptions.none() : options;
        promptContext = promptContext == null ? Optional.empty() : promptContext;
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
        private PromptContext promptContext;

        private Builder() {}

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
         * The context the messages were built from.
         *
         * @param promptContext the context
         * @return this builder
         */
        public Builder promptContext(PromptContext promptContext) {
            this.promptContext = Objects.requireNonNull(promptContext, "promptContext");
            return this;
        }

        /**
         * The request.
         *
         * @return the validated request
         */
        public LlmRequest build() {
            return new LlmRequest(messages, options, Optional.ofNullable(promptContext));
        }
    }
}
