package dev.memos4j.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheUseCase() {
        DemoOptions options = DemoOptions.parse(List.of());
        assertThat(options.userId()).isEqualTo("memos_home_management_user_123");
        assertThat(options.preAnswer()).isEmpty();
        assertThat(options.quiet()).isFalse();
        assertThat(options.dataDirectory()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        DemoOptions options = DemoOptions.parse(List.of(
                "--yes",
                "--quiet",
                "--user-id",
                "u-7",
                "--data-dir",
                "d",
                "--reset",
                "--memos-url",
                "http://127.0.0.1:8765/api/openmem/v1",
                "--memos-key",
                "k",
                "--original-prompt"));
        assertThat(options.preAnswer()).contains(true);
        assertThat(options.quiet()).isTrue();
        assertThat(options.userId()).isEqualTo("u-7");
        assertThat(options.dataDirectory()).contains(Path.of("d"));
        assertThat(options.reset()).isTrue();
        assertThat(options.memosUrl()).contains("http://127.0.0.1:8765/api/openmem/v1");
        assertThat(options.memosKey()).contains("k");
        assertThat(options.originalPrompt()).isTrue();
        assertThat(DemoOptions.parse(List.of("-n")).preAnswer()).isEqualTo(Optional.of(false));
    }

    @Test
    void badArgumentsNameTheOptionAndTheRule() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--colour")))
                .hasMessage("unknown option --colour (see --help)");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--user-id"))).hasMessage("--user-id needs a value");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--data-dir", "--reset")))
                .hasMessage("--data-dir needs a value");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--yes", "--no")))
                .hasMessage("--yes and --no exclude each other");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--local", "--memos-url", "http://localhost:1")))
                .hasMessageContaining("--local and --memos-url exclude each other");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--memos-key", "k")))
                .hasMessageContaining("--memos-key needs --memos-url");
    }

    @Test
    void helpPrintsUsageAndBadOptionsExitWithStatus2() {
        DemoRunner.Result help = DemoRunner.run(Map.of(), dir, "", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.output())
                .contains("Usage: java -jar home-assistant.jar")
                .contains("--memos-url URL")
                .contains("MEMOS_API_KEY")
                .contains("OPENAI_API_KEY");

        DemoRunner.Result bad = DemoRunner.run(Map.of(), dir, "", "--bogus");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.output()).isEqualTo("Error: unknown option --bogus (see --help)\n");
    }

    @Test
    void resetClearsAnIndexButRefusesAnyOtherDirectory() throws Exception {
        Path index = Files.createDirectories(dir.resolve("index"));
        Files.writeString(index.resolve("segments_3"), "x");
        Files.writeString(index.resolve("_0.cfs"), "x");
        assertThat(DataDirectory.reset(index)).isEqualTo(2);
        assertThat(index).isEmptyDirectory();
        assertThat(DataDirectory.reset(dir.resolve("missing"))).isZero();

        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> DataDirectory.reset(home)).hasMessageContaining("--reset refused");
        assertThat(home.resolve("notes.txt")).exists();
    }

    @Test
    void consoleMasksConfiguredSecrets() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Console console = new Console(
                new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8),
                java.util.Arrays.asList("mpg-abcdef123", null, "k"));
        console.println("key=mpg-abcdef123, k stays");
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("key=***, k stays\n");
    }
}
