package dev.memos4j.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer tries it: run again and again on one data directory, each time answering
 * {@code y} to the pre-configured dialogues and asking about the weekend. Memory must not rot with use:
 * the zoo plan is recalled every time, each memory once, and neither the user's questions nor the offline
 * stand-in answers ever come back as memories.
 */
class HomeAssistantDemoRepeatedRunsTest {

    private static final String WEEKEND = "What plans do I have for the weekend?";
    private static final Pattern MEMORY_LINE = Pattern.compile("(?m)^  memory \\d+: (.*)$");

    @TempDir
    Path dataDir;

    @Test
    void fiveRunsOnOneDataDirectoryRecallTheZooPlanEachTimeWithoutDuplicatesQuestionsOrStandIns() {
        for (int run = 1; run <= 5; run++) {
            DemoRunner.Result result = DemoRunner.run(
                    Map.of(),
                    dataDir.resolve("unused"),
                    "y\n" + WEEKEND + "\nexit\n",
                    "--quiet",
                    "--data-dir",
                    dataDir.toString());
            assertThat(result.status()).as("run %d exit status", run).isZero();

            List<String> memories = recalled(result);
            assertThat(memories)
                    .as("run %d: memories recalled for the weekend question", run)
                    .anyMatch(m -> m.contains("zoo on Saturday"))
                    .doesNotHaveDuplicates()
                    .noneMatch(m -> m.contains("[LLM not connected]"))
                    .noneMatch(m -> m.contains("?"));
        }
    }

    /** The memories the weekend answer lists: the offline model shows every memory it was given. */
    private static List<String> recalled(DemoRunner.Result result) {
        String answer = result.between("quit): " + WEEKEND, "-".repeat(60));
        assertThat(answer).contains("[Assistant]: [LLM not connected] The model would answer \"" + WEEKEND + "\"");
        List<String> memories = new ArrayList<>();
        Matcher m = MEMORY_LINE.matcher(answer);
        while (m.find()) {
            memories.add(m.group(1));
        }
        return memories;
    }
}
