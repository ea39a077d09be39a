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

class PromptBuildersTest {

    // Wednesday 25 Nov 2026, 17:00 in Shanghai
    private static final ZonedDateTime NOW =
            Instant.parse("2026-11-25T09:00:00Z").atZone(ZoneId.of("Asia/Shanghai"));

    static MemoryDetail memory(String text, String isoTime, Double relativity) {
        return new MemoryDetail(
                "m-" + text.hashCode(),
                null,
                text,
                null,
                isoTime == null ? null : Optional.of(Timestamp.of(Instant.parse(isoTime))),
                null,
                null,
                null,
                null,
                null,
                Optional.ofNullable(relativity),
                null,
                null,
                null);
    }

    static PreferenceDetail preference(String text, String isoTime) {
        return new PreferenceDetail(
                "p-" + text.hashCode(),
                text,
                null,
                null,
                Optional.of(Timestamp.of(Instant.parse(isoTime))),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static PromptContext context(List<MemoryDetail> memories, List<PreferenceDetail> prefs, String note) {
        return new PromptContext(
                "What plans do I have for the weekend?", "u", "c", memories, prefs, Optional.ofNullable(note), NOW);
    }

    @Test
    void defaultPromptHasRoleTimeTaggedMemoriesRulesAndTheRawQuery() {
        List<ChatMessage> messages = DefaultPromptBuilder.create()
                .build(context(
                        List.of(
                                memory("Take the kids to the zoo on Saturday", "2026-11-22T01:30:00Z", 0.9),
                                memory("The child is 6 years old", "2026-11-21T02:00:00Z", 0.5)),
                        List.of(preference("First list three key points, then one suggestion", "2026-11-22T01:31:00Z")),
                        "Follow the user's preferences when they apply."));

        assertThat(messages).hasSize(2);
        assertThat(messages.get(1)).isEqualTo(ChatMessage.user("What plans do I have for the weekend?"));
        String system = messages.get(0).content();
        assertThat(system).startsWith(DefaultPromptBuilder.DEFAULT_INSTRUCTIONS);
        assertThat(system).contains("Current time: 2026-11-25 17:00, Wednesday (Asia/Shanghai).");
        assertThat(system)
                .contains("<memories>\n<facts>\n"
                        + "- [2026-11-22 09:30] Take the kids to the zoo on Saturday\n"
                        + "- [2026-11-21 10:00] The child is 6 years old\n"
                        + "</facts>\n<preferences>\n"
                        + "- [2026-11-22 09:31] First list three key points, then one suggestion\n"
                        + "</preferences>\n</memories>");
        assertThat(system).contains("Follow the user's preferences when they apply.");
        assertThat(system).contains(DefaultPromptBuilder.MEMORY_RULES);
        assertThat(system).contains("own words", "strongly relevant", "most recent", "Never say that you retrieved");
    }

    @Test
    void withoutMemoriesThePromptHasNoMemoryBlock() {
        String system = DefaultPromptBuilder.create()
                .build(context(List.of(), List.of(), null))
                .get(0)
                .content();

        assertThat(system).doesNotContain("<memories>").doesNotContain("How to use the memories");
        assertThat(system).contains("Wednesday");
    }

    @Test
    void theBudgetDropsTheLeastRelevantItemsFirstAndKeepsOrder() {
        MemoryDetail best = memory("A".repeat(40), "2026-11-22T01:30:00Z", 0.9);
        MemoryDetail worst = memory("B".repeat(40), "2026-11-22T01:30:00Z", 0.1);
        MemoryDetail middle = memory("C".repeat(40), "2026-11-22T01:30:00Z", 0.5);
        // Each line is "- [yyyy-MM-dd HH:mm] " (21 chars) + 40 chars + newline = 62; room for two.
        DefaultPromptBuilder builder =
                DefaultPromptBuilder.builder().maxMemoryChars(130).build();

        String system = builder.build(context(List.of(best, worst, middle), List.of(), null))
                .get(0)
                .content();

        assertThat(system).contains("A".repeat(40)).contains("C".repeat(40)).doesNotContain("B".repeat(40));
        assertThat(system.indexOf("A".repeat(40))).isLessThan(system.indexOf("C".repeat(40)));
    }

    @Test
    void withoutScoresTheLastItemsAreDroppedFirst() {
        DefaultPromptBuilder builder =
                DefaultPromptBuilder.builder().maxMemoryChars(70).build();

        String system = builder.build(context(
                        List.of(
                                memory("first", null, null),
                                memory("second", null, null),
                                memory("x".repeat(60), null, null)),
                        List.of(),
                        null))
                .get(0)
                .content();

        assertThat(system).contains("- first\n", "- second\n").doesNotContain("xxxx");
    }

    @Test
    void onlyTheInstructionsCanBeReplaced() {
        String system = DefaultPromptBuilder.builder()
                .instructions("You are a butler.")
                .build()
                .build(context(List.of(memory("zoo", "2026-11-22T01:30:00Z", 1.0)), List.of(), null))
                .get(0)
                .content();

        assertThat(system)
                .startsWith("You are a butler.\n\nCurrent time:")
                .contains("<facts>", DefaultPromptBuilder.MEMORY_RULES);
        assertThatThrownBy(() -> DefaultPromptBuilder.builder().instructions(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instructions");
        assertThatThrownBy(() -> DefaultPromptBuilder.builder().maxMemoryChars(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMemoryChars");
    }

    @Test
    void numberedBuilderReproducesTheHomeAssistantExamplePromptExactly() {
        List<ChatMessage> messages = NumberedMemoriesPromptBuilder.create()
                .build(context(
                        List.of(
                                memory("Take the kids to the zoo on Saturday", null, 0.9),
                                memory("For reminders: three key points, then one suggestion", null, 0.8)),
                        List.of(preference("ignored by this builder", "2026-11-22T01:31:00Z")),
                        null));

        String expected = "\n"
                + "          You are a knowledgeable and considerate home life assistant.\n"
                + "          You can leverage conversation memories to provide more personalized responses.\n"
                + "          Use these memories to understand the user\u2019s context, preferences, and past interactions.\n"
                + "          If memory content is provided, naturally reference it when relevant, but do not explicitly state you have memory functions.\n"
                + "        "
                + "\n\n## Memories:\n"
                + "1. Take the kids to the zoo on Saturday\n"
                + "2. For reminders: three key points, then one suggestion\n";
        assertThat(messages)
                .containsExactly(
                        ChatMessage.system(expected), ChatMessage.user("What plans do I have for the weekend?"));
    }

    @Test
    void numberedBuilderWithoutMemoriesSendsOnlyTheInstructions() {
        List<ChatMessage> messages = NumberedMemoriesPromptBuilder.builder()
                .instructions("Be kind.")
                .build()
                .build(context(List.of(), List.of(), null));

        assertThat(messages.get(0)).isEqualTo(ChatMessage.system("Be kind."));
    }
}
