package dev.memos4j.local.mcp;

import static dev.memos4j.local.mcp.McpHttpTest.call;
import static dev.memos4j.local.mcp.McpHttpTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mcp} command as an MCP host runs it: a separate JVM speaking MCP on its standard streams,
 * driven by the SDK's own stdio client.
 */
class McpStdioTest {

    private static final String MAIN = "dev.memos4j.local.server.MemosServerMain";

    @TempDir
    Path dataDir;

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MAIN,
                "mcp"));
        command.addAll(List.of(args));
        return command;
    }

    private static McpSyncClient client(List<String> stderr, String... args) {
        List<String> command = command(args);
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size()))
                        .build(),
                McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
    }

    @Test
    void aUsersMemoriesAreFoundByThatUserAndNoOtherAcrossProcesses() {
        List<String> aliceLog = new CopyOnWriteArrayList<>();
        String id;
        try (McpSyncClient alice =
                client(aliceLog, "--data-dir", dataDir.toString(), "--embedder", "none", "--user-id", "alice")) {
            McpSchema.InitializeResult init;
            try {
                init = alice.initialize();
            } catch (RuntimeException e) {
                throw new AssertionError("initialize failed; server stderr: " + aliceLog, e);
            }
            assertThat(init.serverInfo().name()).isEqualTo("memos4j");
            assertThat(alice.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .contains("search_memories", "add_memory");

            assertThat(call(alice, "add_memory", Map.of("memory_content", "Alice parks her bike behind the bakery"))
                            .isError())
                    .isFalse();
            McpSchema.CallToolResult found =
                    call(alice, "search_memories", Map.of("query", "where does Alice park the bike"));
            assertThat(text(found)).contains("behind the bakery");
            id = text(found).replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");

            McpSchema.CallToolResult bad = call(alice, "search_memories", Map.of("query", "x", "limit", 0));
            assertThat(bad.isError()).isTrue();
            assertThat(text(bad)).contains("limit must be between 1 and 50");
            assertThat(call(alice, "list_memories", Map.of()).isError()).isFalse(); // still serving
        }
        assertThat(String.join("\n", aliceLog)).contains("memos4j MCP server on stdio for user alice");

        try (McpSyncClient bob = client(
                new CopyOnWriteArrayList<>(),
                "--data-dir",
                dataDir.toString(),
                "--embedder",
                "none",
                "--user-id",
                "bob")) {
            bob.initialize();
            assertThat(text(call(bob, "search_memories", Map.of("query", "where does Alice park the bike"))))
                    .doesNotContain("bakery");
            McpSchema.CallToolResult stolen = call(bob, "get_memory", Map.of("memory_id", id));
            assertThat(stolen.isError()).isTrue();
            McpSchema.CallToolResult forged = call(bob, "search_memories", Map.of("query", "bike", "user_id", "alice"));
            assertThat(forged.isError()).isTrue();
            assertThat(text(forged)).contains("user_id cannot be set");
        }
    }

    @Test
    void standardOutputCarriesOnlyProtocolMessagesAndTheServerStopsWhenTheHostCloses() throws Exception {
        Path errors = dataDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command("--in-memory", "--embedder", "none", "--user-id", "alice"))
                .redirectError(errors.toFile())
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> messages = new ArrayList<>();
        try (OutputStream in = process.getOutputStream()) {
            // As a host does: each request after the answer it depends on.
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            messages.add(next(out, mapper, errors, process));
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            messages.add(next(out, mapper, errors, process));
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add_memory\","
                            + "\"arguments\":{\"memory_content\":\"tea at five\"}}}");
            messages.add(next(out, mapper, errors, process));
        }
        assertThat(messages)
                .allSatisfy(m -> assertThat(m.get("jsonrpc").asText()).isEqualTo("2.0"));
        assertThat(messages).extracting(m -> m.get("id").asInt()).containsExactly(1, 2, 3);
        assertThat(messages.get(1).at("/result/tools")).hasSize(6);
        assertThat(messages.get(2).at("/result/isError").asBoolean()).isFalse();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the server exits when its input ends")
                .isTrue();
        assertThat(process.exitValue()).isZero();
        String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rest).isBlank();
        assertThat(read(errors)).contains("memos4j MCP server on stdio for user alice");
    }

    private static void send(OutputStream in, String line) throws java.io.IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The next line of stdout, which must be a JSON message. */
    private static JsonNode next(BufferedReader out, ObjectMapper mapper, Path errors, Process process)
            throws java.io.IOException {
        String line = out.readLine();
        assertThat(line)
                .as(() -> "stdout ended early (alive " + process.isAlive() + "); stderr: " + read(errors))
                .isNotNull();
        return mapper.readTree(line); // fails on anything that is not JSON
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void badCommandLinesExplainThemselvesOnStandardError() throws Exception {
        Process process = new ProcessBuilder(command("--user-id", "alice")).start();
        process.getOutputStream().close();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("exactly one of --data-dir, --in-memory and --memos-url is required");
    }
}
