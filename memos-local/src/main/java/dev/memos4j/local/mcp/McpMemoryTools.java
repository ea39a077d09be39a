package dev.memos4j.local.mcp;

import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.assistant.tools.MemoryTools;
import dev.memos4j.assistant.tools.Tool;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.internal.Futures;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The memory tools as MCP tools: their definitions become MCP tool descriptions, and a {@code tools/call}
 * runs the tool of the user the transport names. A failed call, bad arguments included, is a tool result
 * with {@code isError}, which the host shows to its model; it never breaks the session.
 */
final class McpMemoryTools {

    private static final Logger LOG = LoggerFactory.getLogger(McpMemoryTools.class);

    private final MemosClient memos;
    private final McpJsonMapper json;

    McpMemoryTools(MemosClient memos, McpJsonMapper json) {
        this.memos = memos;
        this.json = json;
    }

    static List<McpSchema.Tool> descriptions() {
        return MemoryTools.definitions().stream().map(McpMemoryTools::describe).toList();
    }

    private static McpSchema.Tool describe(ToolDefinition definition) {
        return McpSchema.Tool.builder(definition.name(), definition.parameters())
                .description(definition.description())
                .build();
    }

    /**
     * Runs one call for {@code userId}; a missing user is a tool error naming how to send one.
     *
     * @param userId the user the transport is bound to, null when the request named none
     */
    Mono<McpSchema.CallToolResult> call(String userId, McpSchema.CallToolRequest request) {
        if (userId == null || userId.isBlank()) {
            return Mono.just(error("no user: send the " + MemosMcpServer.USER_HEADER + " header"));
        }
        Tool tool = MemoryTools.forUser(memos, userId).tool(request.name()).orElse(null);
        if (tool == null) {
            return Mono.just(error("there is no tool named \"" + request.name() + "\""));
        }
        String arguments;
        try {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            arguments = json.writeValueAsString(args);
        } catch (IOException e) {
            return Mono.just(error("the arguments cannot be read: " + e.getMessage()));
        }
        return Mono.fromFuture(() -> tool.call(arguments), true)
                .map(text -> McpSchema.CallToolResult.builder()
                        .addTextContent(text)
                        .isError(false)
                        .build())
                .onErrorResume(failure -> {
                    Throwable cause = Futures.unwrap(failure);
                    LOG.debug("MCP tool {} failed: {}", request.name(), cause.toString());
                    String message =
                            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                    return Mono.just(error(message));
                });
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder()
                .addTextContent("error: " + message)
                .isError(true)
                .build();
    }
}
