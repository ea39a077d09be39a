package dev.memos4j.assistant.prompt;

import dev.memos4j.assistant.llm.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * The prompt of MemOS's home-assistant example, reproduced exactly: the base instructions, then, when
 * memories were recalled, a blank line and a {@code ## Memories:} numbered list of the memory texts.
 * Preferences are not included, as in the example. Use it to compare against the original, or when a
 * plain list suits the model better than the default's tagged blocks.
 *
 * <pre>{@code
 * PromptBuilder builder = NumberedMemoriesPromptBuilder.builder()
 *     .instructions("You are a concise travel assistant.")
 *     .build();
 * }</pre>
 */
public final class NumberedMemoriesPromptBuilder implements PromptBuilder {

    /** The example's base instructions, character for character (including its indentation). */
    public static final String HOME_ASSISTANT_INSTRUCTIONS = "\n"
            + "          You are a knowledgeable and considerate home life assistant.\n"
            + "          You can leverage conversation memories to provide more personalized responses.\n"
            + "          Use these memories to understand the user\u2019s context, preferences, and past interactions.\n"
            + "          If memory content is provided, naturally reference it when relevant, but do not explicitly state you have memory functions.\n"
            + "        ";

    private final String instructions;

    private NumberedMemoriesPromptBuilder(String instructions) {
        this.instructions = instructions;
    }

    /**
     * The builder with the example's instructions.
     *
     * @return the prompt builder
     */
    public static NumberedMemoriesPromptBuilder create() {
        return new NumberedMemoriesPromptBuilder(HOME_ASSISTANT_INSTRUCTIONS);
    }

    /**
     * A builder to replace the instructions.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base instructions in use.
     *
     * @return the instructions
     */
    public String instructions() {
        return instructions;
    }

    @Override
    public List<ChatMessage> build(PromptContext context) {
        List<String> memories = context.memoryTexts();
        String system = instructions;
        if (!memories.isEmpty()) {
            StringBuilder formatted = new StringBuilder("## Memories:\n");
            for (int i = 0; i < memories.size(); i++) {
                formatted.append(i + 1).append(". ").append(memories.get(i)).append('\n');
            }
            system = instructions + "\n\n" + formatted;
        }
        return List.of(ChatMessage.system(system), ChatMessage.user(context.query()));
    }

    /** Builds a {@link NumberedMemoriesPromptBuilder}. */
    public static final class Builder {
        private String instructions = HOME_ASSISTANT_INSTRUCTIONS;

        private Builder() {}

        /**
         * Replaces the base instructions; the memory list is still appended.
         *
         * @param instructions the instructions, not blank
         * @return this builder
         */
        public Builder instructions(String instructions) {
            Objects.requireNonNull(instructions, "instructions");
            if (instructions.isBlank()) {
                throw new IllegalArgumentException("instructions must not be blank");
            }
            this.instructions = instructions;
            return this;
        }

        /**
         * The prompt builder.
         *
         * @return the prompt builder
         */
        public NumberedMemoriesPromptBuilder build() {
            return new NumberedMemoriesPromptBuilder(instructions);
        }
    }
}
