package dev.memos4j.assistant.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prompts built from awkward recall results: blank, multi-line, oddly timed items, tight budgets, notes alone. */
class PromptEdgeCasesTest {

    private static final ZonedDateTime NOW =
            Instant.parse("2026-11-25T09:00:00Z").atZone(ZoneId.of("UTC"));

    private static MemoryDetail memory(String key, String value, Timestamp time) {
        return new MemoryDetail(
                "m",
                Optional.ofNullable(key),
                value,
                null,
                Optional.ofNullable(time),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static PreferenceDetail preference(String text) {
        return new PreferenceDetail("p", text, null, null, null, null, null, null, null, null, null, null);
    }

    private static PromptContext context(List<MemoryDetail> memories, List<PreferenceDetail> preferences, String note) {
        return new PromptContext("What now?", "u", "c", memories, preferences, Optional.ofNullable(note), NOW);
    }

    private static String system(PromptBuilder builder, PromptContext context) {
        List<ChatMessage> messages = builder.build(context);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1)).isEqualTo(ChatMessage.user("What now?"));
        return messages.get(0).content();
    }

    @Test
    void blankItemsAreLeftOutAndOnlyBlankItemsMeanNoMemoryBlock() {
        String prompt = system(
                DefaultPromptBuilder.create(),
                context(List.of(memory(null, "  ", null)), List.of(preference("")), null));

        assertThat(prompt).doesNotContain("<memories>").doesNotContain(DefaultPromptBuilder.MEMORY_RULES);
    }

    @Test
    void multiLineTextBecomesOneLineAndUnreadableTimesAreShownAsGiven() {
        String prompt = system(
                DefaultPromptBuilder.create(),
                context(
                        List.of(memory(null, "Zoo on Saturday\r\nbring snacks", Timestamp.ofText("last weekend"))),
                        List.of(preference("Short answers")),
                        null));

        assertThat(prompt)
                .contains("<facts>\n- [last weekend] Zoo on Saturday bring snacks\n</facts>")
                .contains("<preferences>\n- Short answers\n</preferences>")
                .endsWith(DefaultPromptBuilder.MEMORY_RULES);
    }

    @Test
    void aMemoryWithoutValueIsShownByItsTitle() {
        PromptContext context = context(List.of(memory("Weekend plan: zoo", "", null)), List.of(), null);

        assertThat(system(DefaultPromptBuilder.create(), context)).contains("- Weekend plan: zoo");
        assertThat(context.memoryTexts()).containsExactly("Weekend plan: zoo");
    }

    @Test
    void aZeroBudgetDropsEveryItemButKeepsThePreferenceNote() {
        DefaultPromptBuilder noRoom =
                DefaultPromptBuilder.builder().maxMemoryChars(0).build();

        String withoutNote = system(noRoom, context(List.of(memory(null, "Zoo", null)), List.of(), null));
        String withNote = system(noRoom, context(List.of(memory(null, "Zoo", null)), List.of(), "  Prefers tea.  "));

        assertThat(withoutNote).doesNotContain("<memories>").doesNotContain("Zoo");
        assertThat(withNote).contains("<memories>\n</memories>\n\nPrefers tea.").doesNotContain("Zoo");
        assertThat(noRoom.maxMemoryChars()).isZero();
    }

    @Test
    void customInstructionsAreTrimmedAndValidated() {
        DefaultPromptBuilder custom = DefaultPromptBuilder.builder()
                .instructions("  You are terse.  ")
                .build();

        assertThat(custom.instructions()).isEqualTo("You are terse.");
        assertThat(system(custom, PromptContext.withoutMemories("What now?", "u", "c", NOW)))
                .startsWith("You are terse.\n\n");
        assertThat(DefaultPromptBuilder.create().maxMemoryChars())
                .isEqualTo(DefaultPromptBuilder.DEFAULT_MAX_MEMORY_CHARS);
        assertThatThrownBy(() -> DefaultPromptBuilder.builder().instructions(" "))
                .hasMessage("instructions must not be blank");
        assertThatThrownBy(() -> DefaultPromptBuilder.builder().instructions(null))
                .hasMessage("instructions");
        assertThatThrownBy(() -> DefaultPromptBuilder.builder().maxMemoryChars(-1))
                .hasMessage("maxMemoryChars must not be negative, was -1");
    }

    @Test
    void numberedBuilderValidatesAndKeepsItsInstructions() {
        NumberedMemoriesPromptBuilder numbered =
                NumberedMemoriesPromptBuilder.builder().instructions("Be kind.").build();

        assertThat(numbered.instructions()).isEqualTo("Be kind.");
        assertThat(system(
                        numbered,
                        context(List.of(memory(null, "Zoo", null), memory(null, "Tea", null)), List.of(), null)))
                .isEqualTo("Be kind.\n\n## Memories:\n1. Zoo\n2. Tea\n");
        assertThat(NumberedMemoriesPromptBuilder.create().instructions())
                .isEqualTo(NumberedMemoriesPromptBuilder.HOME_ASSISTANT_INSTRUCTIONS);
        assertThatThrownBy(() -> NumberedMemoriesPromptBuilder.builder().instructions("\n"))
                .hasMessage("instructions must not be blank");
        assertThatThrownBy(() -> NumberedMemoriesPromptBuilder.builder().instructions(null))
                .hasMessage("instructions");
    }

    @Test
    void contextRulesAndViews() {
        PromptContext onlyPreferences = context(List.of(), List.of(preference("Tea")), " ");

        assertThat(onlyPreferences.hasMemories()).isTrue();
        assertThat(onlyPreferences.preferenceTexts()).containsExactly("Tea");
        assertThat(onlyPreferences.preferenceNote()).isEmpty();
        assertThat(PromptContext.withoutMemories("q", "u", "c", NOW).hasMemories())
                .isFalse();
        assertThatThrownBy(() -> new PromptContext(null, "u", "c", List.of(), List.of(), null, NOW))
                .hasMessage("query is required");
        assertThatThrownBy(() -> new PromptContext("q", null, "c", List.of(), List.of(), null, NOW))
                .hasMessage("userId is required");
        assertThatThrownBy(() -> new PromptContext("q", "u", null, List.of(), List.of(), null, NOW))
                .hasMessage("conversationId is required");
        assertThatThrownBy(() -> new PromptContext("q", "u", "c", List.of(), List.of(), null, null))
                .hasMessage("now is required");
    }
}
