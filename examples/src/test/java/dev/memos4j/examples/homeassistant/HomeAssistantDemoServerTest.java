package dev.memos4j.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.server.MemosServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --memos-url}: the demo over HTTP against a MemOS-compatible server (the local one). */
class HomeAssistantDemoServerTest {

    private static final String SERVER_KEY = "local-server-secret-key-42";

    @TempDir
    Path dir;

    @Test
    void remembersThroughAMemosCompatibleServerWithoutShowingItsKey() {
        try (LocalMemos engine = LocalMemos.open(dir.resolve("server-data"));
                MemosServer server = MemosServer.builder(engine)
                        .port(0)
                        .apiKey(SERVER_KEY)
                        .build()
                        .start()) {
            DemoRunner.Result run = DemoRunner.run(
                    Map.of(),
                    dir.resolve("unused"),
                    "What plans do I have for the weekend?\nexit\n",
                    "--yes",
                    "--memos-url",
                    server.baseUrl(),
                    "--memos-key",
                    SERVER_KEY);

            assertThat(run.status()).isZero();
            String weekend = run.between("quit): What plans do I have for the weekend?", "Full instructions");
            assertThat(weekend).contains("conversation_001] Take the kids to the zoo on Saturday");
            assertThat(run.output())
                    .contains("Memory: MemOS-compatible server at " + server.baseUrl())
                    .doesNotContain("failed")
                    .doesNotContain(SERVER_KEY);
        }
        assertThat(dir.resolve("unused")).doesNotExist();
    }
}
