package dev.memos4j.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The LLM SPI stands on its own: nothing in it imports the prompt package or the facade above it. */
class LlmPackageDependenciesTest {

    @Test
    void theLlmPackageImportsNeitherPromptNorTheFacade() throws IOException {
        Path llm = Path.of("src/main/java/dev/memos4j/assistant/llm");
        assertThat(llm).isDirectory();
        List<String> offending;
        try (Stream<Path> files = Files.list(llm)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream()
                                    .filter(line -> line.startsWith("import dev.memos4j.assistant.")
                                            && !line.startsWith("import dev.memos4j.assistant.llm."))
                                    .map(line -> f.getFileName() + ": " + line);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offending).isEmpty();
    }
}
