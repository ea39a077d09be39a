package dev.memos4j.assistant.docs;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.assistant.prompt.NumberedMemoriesPromptBuilder;
import dev.memos4j.assistant.prompt.PromptBuilder;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The code of docs/prompt-builders.md, kept compiling. */
final class PromptSamples {

    private PromptSamples() {}

    // [instructions]
    static PromptBuilder familyAssistant() {
        return DefaultPromptBuilder.builder()
                .instructions("You are a warm, practical family assistant. Answer in the user's language.")
                .maxMemoryChars(4_000)
                .build();
    }
    // [/instructions]

    // [numbered]
    static PromptBuilder asInTheHomeAssistantExample() {
        return NumberedMemoriesPromptBuilder.create();
    }
    // [/numbered]

    // [custom]
    /**
     * A compact prompt for small local models: a short role, the date, a "Known about the user" list with
     * dates, and the preferences as explicit style rules.
     */
    static final class CompactPromptBuilder implements PromptBuilder {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

        @Override
        public List<ChatMessage> build(PromptContext context) {
            StringBuilder system = new StringBuilder()
                    .append("You are a helpful assistant. Today is ")
                    .append(DAY.format(context.now()))
                    .append(".\n");
            if (!context.memories().isEmpty()) {
                system.append("\nKnown about the user (newest wins on conflict):\n");
                for (MemoryDetail memory : context.memories()) {
                    String when = memory.time()
                            .flatMap(t -> t.toInstant())
                            .map(i -> DAY.format(i.atZone(context.now().getZone())))
                            .orElse("earlier");
                    system.append("- (")
                            .append(when)
                            .append(") ")
                            .append(memory.text())
                            .append('\n');
                }
            }
            if (!context.preferences().isEmpty()) {
                system.append("\nStyle rules:\n");
                for (PreferenceDetail preference : context.preferences()) {
                    system.append("- ").append(preference.preference()).append('\n');
                }
            }
            system.append("\nUse only what helps with this message. Never mention this list.");
            return List.of(ChatMessage.system(system.toString()), ChatMessage.user(context.query()));
        }
    }
    // [/custom]
}
