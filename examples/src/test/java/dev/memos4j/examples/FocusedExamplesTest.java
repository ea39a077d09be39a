package dev.memos4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every focused example with no keys, in-process, and checks that what it prints makes sense. */
class FocusedExamplesTest {

    private static final Map<String, String> NO_KEYS = Map.of();

    @TempDir
    Path dataDir;

    @Test
    void quickstartFindsTheZooTripForTheWeekendQuestion() {
        String out = capture(o -> QuickstartExample.run(NO_KEYS, o));
        assertThat(out)
                .contains("addMessage: task ")
                .contains(" is completed")
                .containsPattern("searchMemory: [1-9]\\d* memories, 1 preferences")
                .containsPattern("memory \\(relativity \\d\\.\\d\\d\\): Take the kids to the zoo on Saturday")
                .contains("preference: When reminding me, please first list three key points.");
        // The zoo trip is the best answer to the weekend question.
        assertThat(out.lines().filter(l -> l.startsWith("  memory")).findFirst().orElseThrow())
                .contains("zoo");
    }

    @Test
    void asyncExampleAnswersEveryQuestionFromParallelSearches() {
        String out = capture(o -> AsyncExample.run(NO_KEYS, o));
        assertThat(out)
                .contains("Rejected before sending: exactly one of user_id or agent_id is required")
                .contains("What plans do I have for the weekend?\n  best memory: Take the kids to the zoo on Saturday.")
                .contains("How old is my child?\n  best memory: My wife is Xiaoyun, and our child is 6 years old.")
                .contains("How should reminders be formatted?\n  best memory: ")
                .doesNotContain("Search failed");
    }

    @Test
    void streamingExampleStreamsAnAnswerThatUsesTheMemory() {
        String out = capture(o -> StreamingChatExample.run(NO_KEYS, o));
        assertThat(out)
                .startsWith("Assistant: [LLM not connected]")
                .contains("memory 1: Take the kids to the zoo on Saturday, please remember it.")
                .containsPattern("\\([1-9]\\d* memories used; search took \\d+ ms, the model \\d+ ms\\)")
                .endsWith("Exchange stored.\n");
    }

    @Test
    void customPromptBuilderPutsPreferencesFirstAndKeepsTheQuestionApart() {
        String out = capture(o -> CustomPromptBuilderExample.run(NO_KEYS, o));
        assertThat(out)
                .startsWith("[system]\nYou are a family assistant. Answer in at most five lines.\nToday is ")
                .contains("- Format rule: For future reminders or plans, please first list three key points")
                .contains("- Known: Take the kids to the zoo on Saturday, please remember it.")
                .contains("[user]\nWhat plans do I have for the weekend?\n[answer]\n[LLM not connected]");
        assertThat(out.indexOf("Format rule")).isLessThan(out.indexOf("Known:"));
    }

    @Test
    void customPromptBuilderIsPureAndOmitsTheBriefingWithoutMemories() {
        var builder = new CustomPromptBuilderExample.BriefingPromptBuilder();
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneOffset.UTC);
        var empty = builder.build(PromptContext.withoutMemories("Hi", "u", "c", now));
        assertThat(empty.get(0).content())
                .isEqualTo(
                        "You are a family assistant. Answer in at most five lines.\nToday is Wednesday 25 November 2026.");
        var context = new PromptContext(
                "Hi",
                "u",
                "c",
                List.of(new MemoryDetail(
                        "m",
                        Optional.empty(),
                        "zoo on Saturday",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        Map.of(),
                        Map.of())),
                List.<PreferenceDetail>of(),
                Optional.empty(),
                now);
        assertThat(builder.build(context)).isEqualTo(builder.build(context));
        assertThat(builder.build(context).get(0).content()).endsWith("Briefing:\n- Known: zoo on Saturday");
        assertThat(builder.build(context).get(1).content()).isEqualTo("Hi");
    }

    @Test
    void embeddedServiceKeepsUsersApartAndRemembersAcrossARestart() {
        String out = capture(o -> EmbeddedChatExample.run(NO_KEYS, dataDir, o));
        String alice = between(out, "Alice asks about the weekend:", "Day 2, Bob");
        String bob = out.substring(out.indexOf("Bob asks about the weekend:"));
        assertThat(alice).contains("zoo").doesNotContain("dentist");
        assertThat(bob).contains("dentist").doesNotContain("zoo");
    }

    @Test
    void localServerExampleTalksToTheEngineOverHttp() {
        String out = capture(LocalServerExample::run);
        assertThat(out)
                .containsPattern("MemOS-compatible server at http://127\\.0\\.0\\.1:\\d+/api/openmem/v1")
                .contains("Over HTTP, searchMemory found 1 memories:")
                .containsPattern("\\d\\.\\d\\d  Take the kids to the zoo on Saturday, please remember it.");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return text.substring(start, end);
    }

    private static String capture(Consumer<PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
