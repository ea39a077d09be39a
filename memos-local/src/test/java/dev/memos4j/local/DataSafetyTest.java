package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.local.server.MemosServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local engine promises about data: an acknowledged {@code add/message} survives a SIGKILL of the
 * server process, a second process cannot open the same store, and a delete is final, also after reopening.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // only trips on a real hang
class DataSafetyTest {

    private static final int WRITERS = 4;
    private static final int ACKS_BEFORE_KILL = 30;

    @TempDir
    Path dataDirectory;

    private final List<Process> processes = new CopyOnWriteArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesASigkillDuringIngestion() throws Exception {
        ServerProcess first = ServerProcess.start(dataDirectory, processes);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_KILL);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MemosClient client = first.client()) {
            for (int w = 0; w < WRITERS; w++) {
                String user = "writer-" + w;
                writers.execute(() -> {
                    for (int i = 0; !stop.get() && i < 10_000; i++) {
                        String text = user + " note " + i + " about the greenhouse";
                        try {
                            client.blocking()
                                    .addMessage(AddMessageRequest.builder()
                                            .userId(user)
                                            .conversationId("c")
                                            .addMessage(Message.user(text))
                                            .build());
                        } catch (RuntimeException killed) {
                            return; // the server is gone: this write was never acknowledged
                        }
                        acknowledged.add(text);
                        enoughAcks.countDown();
                    }
                });
            }
            assertThat(enoughAcks.await(2, TimeUnit.MINUTES))
                    .as("writes acknowledged before the kill")
                    .isTrue();
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        ServerProcess second = ServerProcess.start(dataDirectory, processes);
        try (MemosClient client = second.client()) {
            Set<String> stored = new HashSet<>();
            for (int w = 0; w < WRITERS; w++) {
                stored.addAll(allMemories(client, "writer-" + w));
            }
            assertThat(stored).containsAll(acknowledged);
            String sample = acknowledged.iterator().next();
            String user = sample.substring(0, sample.indexOf(' '));
            assertThat(client.blocking()
                            .searchMemory(SearchMemoryRequest.builder()
                                    .userId(user)
                                    .query(sample)
                                    .memoryLimitNumber(25)
                                    .build())
                            .memories())
                    .extracting(MemoryDetail::memoryValue)
                    .contains(sample);
        } finally {
            second.process.destroy();
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryFailsWithAClearError() throws Exception {
        ServerProcess first = ServerProcess.start(dataDirectory, processes);
        Process second = ServerProcess.command(dataDirectory).start();
        processes.add(second);
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).isEqualTo(1);
        assertThat(output).contains("could not start the server").contains("is in use by another process");
        assertThat(first.process.isAlive()).as("the first server is untouched").isTrue();
        first.process.destroy();
        first.process.waitFor(60, TimeUnit.SECONDS);
    }

    @Test
    void concurrentWritersThroughTheServerLoseNothing() throws Exception {
        ServerProcess server = ServerProcess.start(dataDirectory, processes);
        int threads = 8;
        int perThread = 3;
        try (MemosClient client = server.client()) {
            List<CompletableFuture<?>> writes = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writes.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < perThread; i++) {
                                client.blocking()
                                        .addMessage(AddMessageRequest.builder()
                                                .userId("shared")
                                                .conversationId("c")
                                                .addMessage(Message.user("thread " + thread + " line " + i))
                                                .build());
                            }
                        },
                        callers));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            callers.shutdown();

            List<String> stored = allMemories(client, "shared");
            assertThat(stored).hasSize(threads * perThread).doesNotHaveDuplicates();
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    assertThat(stored).contains("thread " + t + " line " + i);
                }
            }
        } finally {
            server.process.destroy();
            server.process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void deleteIsFinalAlsoAfterReopening() {
        String doomed = "The spare key is under the blue flowerpot.";
        String kept = "The garden hose is in the shed.";
        String doomedId;
        try (LocalMemos memos = LocalMemos.builder()
                .dataDirectory(dataDirectory)
                .embedder(Embedder.none())
                .build()) {
            for (String text : List.of(doomed, kept)) {
                memos.addMessage(AddMessageRequest.builder()
                                .userId("u1")
                                .conversationId("c1")
                                .addMessage(Message.user(text))
                                .build())
                        .join();
            }
            doomedId = memos
                    .searchMemory(SearchMemoryRequest.builder()
                            .userId("u1")
                            .query("spare key flowerpot")
                            .build())
                    .join()
                    .memories()
                    .stream()
                    .filter(m -> m.memoryValue().equals(doomed))
                    .findFirst()
                    .orElseThrow()
                    .id();

            memos.deleteMemory(DeleteMemoryRequest.byIds(List.of(doomedId))).join();

            assertForgotten(memos, doomed, doomedId);
        }
        try (LocalMemos reopened = LocalMemos.builder()
                .dataDirectory(dataDirectory)
                .embedder(Embedder.none())
                .build()) {
            assertForgotten(reopened, doomed, doomedId);
            assertThat(memoriesOf(reopened)).containsExactly(kept);
        }
    }

    /** Every memory of a user, page by page. */
    private static List<String> allMemories(MemosClient client, String user) {
        List<String> values = new ArrayList<>();
        for (int page = 1; page < 1_000; page++) {
            GetMemoryResponse response = client.blocking()
                    .getMemory(GetMemoryRequest.builder()
                            .userId(user)
                            .size(50)
                            .page(page)
                            .build());
            response.memoryDetailList().forEach(m -> values.add(m.memoryValue()));
            if (!response.hasNextPage()) {
                break;
            }
        }
        return values;
    }

    private static void assertForgotten(LocalMemos memos, String text, String id) {
        assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                .userId("u1")
                                .query("spare key flowerpot")
                                .build())
                        .join()
                        .memories())
                .extracting(MemoryDetail::memoryValue)
                .doesNotContain(text);
        assertThat(memoriesOf(memos)).doesNotContain(text);
        assertThatThrownBy(() -> memos.getMemoryById(id).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(MemosNotFoundException.class);
    }

    private static List<String> memoriesOf(LocalMemos memos) {
        return memos
                .getMemory(GetMemoryRequest.builder().userId("u1").size(50).build())
                .join()
                .memoryDetailList()
                .stream()
                .map(MemoryDetail::memoryValue)
                .toList();
    }

    /** {@code MemosServerMain} in a JVM of its own, on the test classpath, listening on a free loopback port. */
    private record ServerProcess(Process process, String baseUrl) {

        static ProcessBuilder command(Path dataDirectory) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            MemosServerMain.class.getName(),
                            "--data-dir",
                            dataDirectory.toString(),
                            "--port",
                            "0")
                    .redirectErrorStream(true);
        }

        static ServerProcess start(Path dataDirectory, List<Process> processes) throws IOException {
            Process process = command(dataDirectory).start();
            processes.add(process);
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = output.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.startsWith("Listening on ")) {
                    String url = line.substring("Listening on ".length()).split(" ")[0];
                    drain(output);
                    return new ServerProcess(process, url);
                }
            }
            throw new AssertionError("the server exited before listening:\n" + seen);
        }

        /** Keeps reading the child's output so that it never blocks on a full pipe. */
        private static void drain(BufferedReader output) {
            Thread drainer = new Thread(
                    () -> {
                        try {
                            while (output.readLine() != null) {
                                // discarded
                            }
                        } catch (IOException ignored) {
                            // the process is gone
                        }
                    },
                    "server-output");
            drainer.setDaemon(true);
            drainer.start();
        }

        MemosClient client() {
            return MemosClient.builder()
                    .baseUrl(baseUrl)
                    .apiKey("local")
                    .timeout(Duration.ofSeconds(30))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .build();
        }
    }
}
