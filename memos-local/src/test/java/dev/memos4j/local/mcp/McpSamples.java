package dev.memos4j.local.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.util.Map;

/** The code of docs/mcp.md, kept compiling and running. */
final class McpSamples {

    private McpSamples() {}

    static McpSchema.CallToolResult searchOverHttp(String baseUrl, String key) {
        // [http-client]
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl)
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder()
                                .header("Authorization", "Token " + key)
                                .header("X-MemOS-User-Id", "alice"))
                        .build())
                .build();
        client.initialize();
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("search_memories")
                .arguments(Map.of("query", "weekend plans"))
                .build());
        // [/http-client]
        client.close();
        return result;
    }
}
