package dev.memos4j.examples.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.mcp.MemosMcpServer;
import dev.memos4j.local.server.MemosServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples put Spring AI and the local server (with its MCP endpoint) on one classpath, one JSON
 * schema validator for both: {@code /mcp} must start (it validates its tool schemas) and answer calls.
 */
class McpOnExamplesClasspathTest {

    @Test
    void theLocalServersMcpEndpointAnswersBesideSpringAi() {
        try (LocalMemos engine = LocalMemos.builder()
                        .inMemory()
                        .embedder(Embedder.none())
                        .build();
                MemosServer server =
                        MemosServer.builder(engine).port(0).apiKey("k").build().start()) {
            HttpRequest.Builder headers = HttpRequest.newBuilder()
                    .header("Authorization", "Token k")
                    .header(MemosMcpServer.USER_HEADER, "alice");
            try (McpSyncClient client = McpClient.sync(
                            HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                                    .endpoint("/mcp")
                                    .requestBuilder(headers)
                                    .build())
                    .requestTimeout(Duration.ofSeconds(30))
                    .build()) {
                client.initialize();
                assertThat(client.listTools().tools())
                        .extracting(McpSchema.Tool::name)
                        .contains("search_memories", "add_memory");
                McpSchema.CallToolResult added = client.callTool(McpSchema.CallToolRequest.builder("add_memory")
                        .arguments(Map.of("memory_content", "The spare key is under the blue flowerpot"))
                        .build());
                McpSchema.CallToolResult found = client.callTool(McpSchema.CallToolRequest.builder("search_memories")
                        .arguments(Map.of("query", "where is the spare key"))
                        .build());

                assertThat(added.isError()).isFalse();
                assertThat(((McpSchema.TextContent) found.content().get(0)).text())
                        .contains("blue flowerpot");
            }
        }
    }
}
