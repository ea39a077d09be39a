package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.testkit.FakeMemosClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemosServerMainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static ServerCommandLine parse(String... args) {
        return ServerCommandLine.parse(args, Map.of());
    }

    @Test
    void parsesEveryOptionInBothSpellings() {
        ServerCommandLine cli = parse(
                "--port",
                "9001",
                "--data-dir",
                "data",
                "--host=0.0.0.0",
                "--api-key=k1",
                "--max-body-mb",
                "2",
                "--max-upload-mb=3",
                "--compact");

        assertThat(cli.port()).isEqualTo(9001);
        assertThat(cli.dataDirectory()).hasValue(Path.of("data"));
        assertThat(cli.host()).isEqualTo("0.0.0.0");
        assertThat(cli.apiKey()).hasValue("k1");
        assertThat(cli.maxRequestBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(cli.maxUploadBytes()).isEqualTo(3L * 1024 * 1024);
        assertThat(cli.compact()).isTrue();
        assertThat(cli.toString()).doesNotContain("k1");
    }

    @Test
    void defaultsAreLoopbackOnTheDefaultPort() {
        ServerCommandLine cli = parse("--in-memory");

        assertThat(cli.host()).isEqualTo("127.0.0.1");
        assertThat(cli.port()).isEqualTo(8765);
        assertThat(cli.dataDirectory()).isEmpty();
        assertThat(cli.apiKey()).isEmpty();
        assertThat(cli.compact()).isFalse();
    }

    @Test
    void compactMergesTheStoreOnStartAndKeepsIt(@TempDir Path dir) {
        ServerCommandLine cli = parse("--data-dir", dir.toString(), "--compact");
        try (LocalMemos memos = MemosServerMain.openLocalEngine(cli, Embedder.none())) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("u1")
                            .conversationId("c1")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday"))
                            .build())
                    .join();
            memos.compact().join(); // after the one started on open: both leave one segment
            assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                    .userId("u1")
                                    .query("zoo")
                                    .build())
                            .join()
                            .memories())
                    .hasSize(1);
        }
    }

    @Test
    void theApiKeyMayComeFromTheEnvironmentButTheFlagWins() {
        assertThat(ServerCommandLine.parse(new String[] {"--in-memory"}, Map.of("MEMOS_LOCAL_API_KEY", "env-key"))
                        .apiKey())
                .hasValue("env-key");
        assertThat(ServerCommandLine.parse(
                                new String[] {"--in-memory", "--api-key", "flag-key"},
                                Map.of("MEMOS_LOCAL_API_KEY", "env-key"))
                        .apiKey())
                .hasValue("flag-key");
    }

    @Test
    void badArgumentsNameTheOptionAndTheRule() {
        assertThatThrownBy(() -> parse("--port", "99999", "--in-memory"))
                .hasMessage("--port must be between 0 and 65535 (was 99999)");
        assertThatThrownBy(() -> parse("--port", "http", "--in-memory"))
                .hasMessage("--port must be a whole number (was \"http\")");
        assertThatThrownBy(() -> parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> parse("--data-dir", "--port", "1")).hasMessage("--data-dir needs a value");
        assertThatThrownBy(() -> parse("--verbose")).hasMessageContaining("unknown option: --verbose");
        assertThatThrownBy(() -> parse("--port", "1")).hasMessageContaining("--data-dir DIR is required");
        assertThatThrownBy(() -> parse("--in-memory", "--data-dir", "x")).hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> parse("--in-memory", "--api-key", " ")).hasMessageContaining("--api-key");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        int status = MemosServerMain.run(new String[] {"--help"}, Map.of(), out, err, cli -> {
            throw new AssertionError("no backend for --help");
        });

        assertThat(status).isZero();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("--data-dir DIR", "--port N", "--api-key KEY");
    }

    @Test
    void badArgumentsExitTwoWithAMessage() {
        int status = MemosServerMain.run(new String[] {"--port", "x"}, Map.of(), out, err, cli -> {
            throw new AssertionError("no backend for bad arguments");
        });

        assertThat(status).isEqualTo(2);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("error: --port must be a whole number", "--help");
    }

    @Test
    void aBackendThatCannotOpenExitsOne() {
        int status = MemosServerMain.run(new String[] {"--in-memory", "--port", "0"}, Map.of(), out, err, cli -> {
            throw new IllegalStateException("data directory is locked");
        });

        assertThat(status).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("could not start the server: data directory is locked");
    }

    @Test
    void startsServesHealthAndClosesServerThenBackend() throws Exception {
        FakeMemosClient backend = CannedBackend.create();
        ServerCommandLine cli = parse("--in-memory", "--port", "0", "--api-key", "s3cret-key");

        MemosServerMain.RunningServer running = MemosServerMain.start(cli, out, c -> backend);
        String baseUrl = running.server().baseUrl();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl.replace("/api/openmem/v1", "/health")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> search = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/search/memory"))
                        .header("Authorization", "Token s3cret-key")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"q\",\"user_id\":\"u\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        running.close();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(backend.isClosed()).isTrue();
        String printed = outBytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains(
                        "Listening on " + baseUrl,
                        "MemosClient.builder().baseUrl(\"" + baseUrl + "\")",
                        "MemOSClient(",
                        "/health")
                .doesNotContain("s3cret-key");
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/get/status"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aPortInUseFailsBeforeTheBackendIsOpened() {
        java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        try (MemosServer taken =
                MemosServer.builder(new FakeMemosClient()).port(0).build().start()) {
            ServerCommandLine cli = parse("--in-memory", "--port", String.valueOf(taken.port()));
            assertThatThrownBy(() -> MemosServerMain.start(cli, out, c -> {
                        opened.set(true);
                        return new FakeMemosClient();
                    }))
                    .hasMessageContaining("could not bind");
        }
        assertThat(opened).isFalse();
    }
}
