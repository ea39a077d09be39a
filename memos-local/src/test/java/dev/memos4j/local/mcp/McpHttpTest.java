package dev.memos4j.local.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.assistant.tools.MemoryTools;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.server.MemosServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's own MCP client against {@code /mcp} on the local server (streamable HTTP, stateless). */
class McpHttpTest {

    private static final String KEY = "mcp-test-key";

    private LocalMemos engine;
    private MemosServer server;
    private final List<McpSyncClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        engine = LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
        server = MemosServer.builder(engine)
                .port(0)
                .apiKey(KEY)
                .allowOrigin("http://localhost:3000")
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        clients.forEach(McpSyncClient::close);
        server.close();
        engine.close();
    }

    private String root() {
        return "http://127.0.0.1:" + server.port();
    }

    private McpSyncClient client(String user, String key) {
        HttpRequest.Builder headers = HttpRequest.newBuilder().header("Authorization", "Token " + key);
        if (user != null) {
            headers.header(MemosMcpServer.USER_HEADER, user);
        }
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(root())
                        .endpoint("/mcp")
                        .requestBuilder(headers)
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        clients.add(client);
        return client;
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    @Test
    void initializeListsTheMemoryToolsWithTheirSchemas() {
        McpSyncClient alice = client("alice", KEY);

        McpSchema.InitializeResult init = alice.initialize();
        McpSchema.ListToolsResult tools = alice.listTools();

        assertThat(init.serverInfo().name()).isEqualTo("memos4j");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(tools.tools())
                .extracting(McpSchema.Tool::name)
                .containsExactlyElementsOf(MemoryTools.definitions().stream()
                        .map(ToolDefinition::name)
                        .toList());
        McpSchema.Tool search = tools.tools().get(0);
        assertThat(search.inputSchema()).containsEntry("type", "object").containsEntry("required", List.of("query"));
        assertThat(search.inputSchema().get("properties").toString()).contains("query", "limit");
    }

    @Test
    void addThenSearchFindsItAndAnotherUserCannotSeeIt() {
        McpSyncClient alice = client("alice", KEY);
        McpSyncClient bob = client("bob", KEY);
        alice.initialize();
        bob.initialize();

        McpSchema.CallToolResult added = call(
                alice, "add_memory", Map.of("memory_content", "Alice keeps the spare key under the blue flowerpot"));
        McpSchema.CallToolResult found = call(alice, "search_memories", Map.of("query", "where is the spare key"));
        McpSchema.CallToolResult hidden = call(bob, "search_memories", Map.of("query", "where is the spare key"));

        assertThat(added.isError()).isFalse();
        assertThat(text(found)).contains("blue flowerpot");
        assertThat(text(hidden)).doesNotContain("flowerpot");
        // Bob cannot read Alice's memory by its id either.
        String id = text(found).replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        McpSchema.CallToolResult stolen = call(bob, "get_memory", Map.of("memory_id", id));
        assertThat(stolen.isError()).isTrue();
        assertThat(text(stolen)).contains("is not one of this user's memories");
        assertThat(text(call(alice, "get_memory", Map.of("memory_id", id)))).contains("blue flowerpot");
    }

    @Test
    void theDocumentedClientSampleSearchesTheUsersMemories() {
        McpSyncClient alice = client("alice", KEY);
        alice.initialize();
        call(alice, "add_memory", Map.of("memory_content", "weekend plans: the zoo with the kids"));

        McpSchema.CallToolResult result = McpSamples.searchOverHttp(root(), KEY);

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).contains("the zoo with the kids");
    }

    @Test
    void badArgumentsAreToolErrorsAndTheSessionGoesOn() {
        McpSyncClient alice = client("alice", KEY);
        alice.initialize();

        McpSchema.CallToolResult missing = call(alice, "search_memories", Map.of());
        McpSchema.CallToolResult otherUser = call(alice, "search_memories", Map.of("query", "x", "user_id", "bob"));
        McpSchema.CallToolResult wrongType = call(alice, "list_memories", Map.of("limit", "lots"));

        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("query is required");
        assertThat(otherUser.isError()).isTrue();
        assertThat(text(otherUser)).contains("user_id cannot be set");
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).contains("limit must be an integer");
        assertThat(call(alice, "list_memories", Map.of()).isError()).isFalse();
    }

    @Test
    void aRequestWithoutAUserIsAToolError() {
        McpSyncClient anonymous = client(null, KEY);
        anonymous.initialize();

        McpSchema.CallToolResult result = call(anonymous, "list_memories", Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains(MemosMcpServer.USER_HEADER);
    }

    @Test
    void theWrongKeyIsRefused() {
        McpSyncClient intruder = client("alice", "wrong-key");

        assertThatThrownBy(intruder::initialize).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theServersGuardRefusesForeignOriginsAndMissingKeysOnMcpToo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        HttpRequest.Builder base = HttpRequest.newBuilder(URI.create(root() + "/mcp"))
                .header("Authorization", "Token " + KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");

        HttpResponse<String> foreign = http.send(
                base.copy()
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString(initialize))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> rebound = http.send(
                base.copy()
                        .header("Origin", "http://attacker.test:" + server.port())
                        .POST(HttpRequest.BodyPublishers.ofString(initialize))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> local = http.send(
                base.copy()
                        .header("Origin", "http://localhost:3000")
                        .POST(HttpRequest.BodyPublishers.ofString(initialize))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> get = http.send(base.copy().GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> keyless = http.send(
                HttpRequest.newBuilder(URI.create(root() + "/mcp"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(initialize))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> garbage = http.send(
                base.copy()
                        .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(rebound.statusCode()).isEqualTo(403);
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("\"jsonrpc\":\"2.0\"", "\"id\":1");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(keyless.statusCode()).isEqualTo(401);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("\"code\":-32700");
    }
}
