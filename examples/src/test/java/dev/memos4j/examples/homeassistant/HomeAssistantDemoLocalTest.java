package dev.memos4j.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with no keys, on the embedded engine, in two runs over one data directory: what the first run
 * was told is recalled by new conversations in the same run and, after a restart, in the next run.
 */
class HomeAssistantDemoLocalTest {

    private static final String WEEKEND = "What plans do I have for the weekend?";
    private static final String HOUSEWORK = "Help me plan next week's housework distribution";
    private static final String ZOO_MEMORY = "conversation_001] Take the kids to the zoo on Saturday";

    @TempDir
    Path dataDir;

    @Test
    void memoriesOfThePreConfiguredDialoguesAnswerLaterConversationsAndSurviveARestart() {
        DemoRunner.Result first = DemoRunner.run(
                Map.of(),
                dataDir.resolve("unused"),
                "maybe\ny\n" + WEEKEND + "\n\n" + HOUSEWORK + "\nexit\n",
                "--data-dir",
                dataDir.toString());

        assertThat(first.status()).isZero();
        String out = first.output();
        assertThat(out)
                .contains("Memory: embedded engine (LocalMemos) in " + dataDir.toAbsolutePath())
                .contains("Model: not connected")
                .contains("MEMOS_API_KEY=mpg-...")
                .contains("OPENAI_API_KEY=sk-...")
                .contains("Please enter 'y' for yes or 'n' for no")
                // Nothing is called or counted in local mode: no cloud wording.
                .contains("They are stored by the embedded engine on this machine; no service is called.")
                .doesNotContain("add calls")
                .contains("Executing pre-configured dialogues (conversation_id=conversation_001)")
                .contains("Loading the local embedding model (first use)...")
                .contains("[LLM not connected]")
                .contains("Thank you for using the home assistant!");
        // The model would have been given the whole prompt: the use case's instructions and the question.
        assertThat(out)
                .contains("Full instructions sent to the model:\n----- system -----\n"
                        + "You are a knowledgeable and considerate home life assistant.");
        assertThat(out).contains("----- user -----\n" + WEEKEND + "\n");
        assertThat(out)
                .contains("searchMemory request (POST /search/memory):")
                .contains("\"user_id\" : \"memos_home_management_user_123\"")
                .contains("addMessage request (POST /add/message):")
                .contains("addMessage response:")
                .contains("show only the fields that are set");
        // Requests and responses show only the fields that are set.
        assertThat(out).doesNotContain("null").doesNotContain("\"\"").doesNotContain("[ ]");

        // Each question has its own conversation, continuing the counter.
        String weekend = first.between("(or type 'exit' to quit): " + WEEKEND, "conversation_id: conversation_002");
        assertThat(matchedMemories(weekend)).contains(ZOO_MEMORY);
        assertThat(weekend).contains("\"conversation_id\" : \"conversation_002\"");

        String housework = first.between("(or type 'exit' to quit): " + HOUSEWORK, "conversation_id: conversation_003");
        assertThat(housework.substring(housework.indexOf("Matched preferences")))
                .contains("please first list three key points, then add one short suggestion.");
        assertThat(housework.substring(housework.indexOf("----- system -----")))
                .contains("<preferences>")
                .contains("three key points");
        // The empty line between the two questions was ignored: no conversation was spent on it.
        assertThat(out).doesNotContain("conversation_004");

        DemoRunner.Result second = DemoRunner.run(
                Map.of(), dataDir.resolve("unused"), "n\n" + WEEKEND + "\nquit\n", "--data-dir", dataDir.toString());

        assertThat(second.status()).isZero();
        assertThat(second.output())
                .contains("Starting a new dialogue...")
                .doesNotContain("Executing pre-configured dialogues");
        String nextDay = second.between("(or type 'exit' to quit): " + WEEKEND, "conversation_id: conversation_001");
        assertThat(matchedMemories(nextDay)).contains(ZOO_MEMORY);
        assertThat(second.output())
                .contains("conversation_id: conversation_001\n\uD83D\uDCA1 [Assistant]: " + "[LLM not connected]");
    }

    @Test
    void withoutAModelOnlyTheUsersOwnWordsAreStored() {
        DemoRunner.Result run =
                DemoRunner.run(Map.of(), dataDir, WEEKEND + "\n", "--no", "--data-dir", dataDir.toString());

        String stored = run.between("addMessage request (POST /add/message):", "addMessage response:");
        // The facade's own write-back: the placeholder answer is not stored, the user's words are, with the
        // time they were said.
        assertThat(stored)
                .contains("\"role\" : \"user\"")
                .contains(WEEKEND)
                .containsPattern("\"chat_time\" : \"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\"")
                .doesNotContain("\"assistant\"")
                .doesNotContain("[LLM not connected]");
        // End of input ends the session cleanly.
        assertThat(run.status()).isZero();
        assertThat(run.output()).endsWith("Thank you for using the home assistant!\n");
    }

    @Test
    void quietShowsOnlyTheConversation() {
        DemoRunner.Result run = DemoRunner.run(
                Map.of(), dataDir, "y\n" + WEEKEND + "\nq\n", "--quiet", "--data-dir", dataDir.toString());

        assertThat(run.status()).isZero();
        assertThat(run.output())
                .contains("Dialogue 1")
                .contains("\uD83E\uDD16 Assistant: [LLM not connected]")
                .contains("conversation_id: conversation_002")
                .contains("\uD83D\uDCA1 [Assistant]: [LLM not connected]")
                .contains("memory 1: ")
                .doesNotContain("searchMemory request")
                .doesNotContain("Full instructions")
                .doesNotContain("Matched memories");
    }

    @Test
    void resetForgetsEverythingAndEndOfInputAtTheFirstQuestionEndsCleanly() {
        DemoRunner.Result first = DemoRunner.run(Map.of(), dataDir, "y\n", "--quiet", "--data-dir", dataDir.toString());
        assertThat(first.output())
                .contains("Pre-configured dialogues completed!")
                .endsWith("Thank you for using the home assistant!\n");

        DemoRunner.Result reset =
                DemoRunner.run(Map.of(), dataDir, WEEKEND + "\n", "--no", "--reset", "--data-dir", dataDir.toString());
        assertThat(reset.output())
                .containsPattern("Reset: deleted [1-9]\\d* files from ")
                .contains("Matched memories (0):")
                .contains("using no recalled memories.");

        DemoRunner.Result nothing = DemoRunner.run(Map.of(), dataDir, "", "--data-dir", dataDir.toString());
        assertThat(nothing.status()).isZero();
        assertThat(nothing.output()).contains("(y/n): \n").endsWith("Thank you for using the home assistant!\n");
    }

    private static String matchedMemories(String turn) {
        int start = turn.indexOf("Matched memories");
        assertThat(start).as("matched memories shown").isNotNegative();
        return turn.substring(start, turn.indexOf("Full instructions", start));
    }
}
