package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up: a port in use fails first and says why; the embedding model is loaded before serving. */
class StartUpTest {

    @TempDir
    Path temp;

    @Test
    void aPortInUseSaysWhyAndCreatesNoDataDirectory() throws Exception {
        Path dataDirectory = temp.resolve("memos-data");
        AtomicBoolean opened = new AtomicBoolean();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int status = MemosServerMain.run(
                    new String[] {"--data-dir", dataDirectory.toString(), "--port", String.valueOf(busy.getLocalPort())
                    },
                    Map.of(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    cli -> {
                        opened.set(true);
                        return LocalMemos.builder()
                                .dataDirectory(dataDirectory)
                                .embedder(Embedder.none())
                                .build();
                    });

            assertThat(status).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("could not bind 127.0.0.1:")
                .containsIgnoringCase("address already in use");
        assertThat(opened).isFalse();
        assertThat(Files.exists(dataDirectory)).isFalse();
    }

    @Test
    void theEmbeddingModelIsLoadedBeforeTheEngineServes() {
        AtomicInteger calls = new AtomicInteger();
        Embedder counting = new Embedder() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                calls.incrementAndGet();
                return texts.stream().map(t -> new float[] {1, 0}).toList();
            }
        };
        ServerCommandLine cli = ServerCommandLine.parse(new String[] {"--in-memory"}, Map.of());

        try (LocalMemos engine = MemosServerMain.openLocalEngine(cli, counting)) {
            assertThat(calls).hasValue(1);
            assertThat(engine.writeProblem()).isEmpty();
        }
    }
}
