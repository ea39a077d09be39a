package dev.memos4j.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spring AI and LangChain4j demos with no keys: the embedded engine and the offline stand-in, which shows
 * that the weekend question, asked in a new conversation, was given the zoo plan; and only the user's own
 * words were stored, never the stand-in's echoes.
 */
class FrameworkDemosTest {

    private static final String WEEKEND = "What plans do I have for the weekend?";

    @TempDir
    Path dataDir;

    private String run(FrameworkDemo.Framework framework, Path data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = FrameworkDemo.run(
                framework,
                List.of("--yes", "--data-dir", data.toString()),
                Map.of(),
                new ByteArrayInputStream((WEEKEND + "\nexit\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                data.resolve("unused"),
                true);
        assertThat(status).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertWeekendRecallsTheZoo(String out) {
        assertThat(out).contains("Pre-configured dialogues (conversation_id=conversation_001)");
        String weekend = out.substring(out.indexOf("(or 'exit'): " + WEEKEND), out.indexOf("conversation_002"));
        assertThat(weekend).contains("I was given these memories").contains("Take the kids to the zoo on Saturday");
        // Recalled memories are the user's own words: the stand-in's echoes were never stored.
        String recalled = weekend.substring(weekend.indexOf("Recalled"));
        assertThat(recalled).contains("Take the kids to the zoo on Saturday").doesNotContain("offline stand-in");
    }

    @Test
    void springAiDemoRecallsTheZooPlanInANewConversation() {
        String out = run(new SpringAiAssistantDemo(), dataDir.resolve("spring"));
        assertThat(out).contains("on Spring AI").contains("Model: offline stand-in");
        assertWeekendRecallsTheZoo(out);
    }

    @Test
    void langChain4jDemoRecallsTheZooPlanInANewConversation() {
        String out = run(new LangChain4jAssistantDemo(), dataDir.resolve("langchain4j"));
        assertThat(out).contains("on LangChain4j").contains("Model: offline stand-in");
        assertWeekendRecallsTheZoo(out);
    }

    @Test
    void helpNamesTheJarAndTheFlags() {
        assertThat(FrameworkDemo.usage(new SpringAiAssistantDemo()))
                .contains("spring-ai-assistant.jar")
                .contains("--data-dir", "--reset", "--quiet", "--yes");
        assertThat(FrameworkDemo.usage(new LangChain4jAssistantDemo())).contains("langchain4j-assistant.jar");
    }
}
