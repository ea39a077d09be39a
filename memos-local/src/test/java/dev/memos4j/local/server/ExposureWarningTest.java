package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.testkit.FakeMemosClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's log goes to standard error in tests (slf4j-simple), which these tests capture. */
class ExposureWarningTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bindingEveryInterfaceWithoutAKeyWarnsLoudlyWhenTheRiskWasAcceptedExplicitly() {
        try (MemosServer server = MemosServer.builder(new FakeMemosClient())
                .host("0.0.0.0")
                .port(0)
                .insecureNoAuth()
                .build()
                .start()) {
            assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
        }
        assertThat(log()).contains("WARN", "0.0.0.0", "WITHOUT an API key");
    }

    @Test
    void aKeyOrALoopbackBindIsQuiet() {
        try (MemosServer exposed = MemosServer.builder(new FakeMemosClient())
                        .host("0.0.0.0")
                        .port(0)
                        .apiKey("k-123")
                        .build()
                        .start();
                MemosServer local = MemosServer.builder(new FakeMemosClient())
                        .port(0)
                        .build()
                        .start()) {
            assertThat(exposed.port()).isNotEqualTo(local.port());
        }
        assertThat(log()).doesNotContain("WITHOUT an API key").doesNotContain("k-123");
    }
}
