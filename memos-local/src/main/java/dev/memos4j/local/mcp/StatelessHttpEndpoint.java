package dev.memos4j.local.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP's streamable HTTP transport in its stateless form, on the JDK's HTTP server: every JSON-RPC request
 * is one {@code POST} answered with one {@code application/json} response; notifications get
 * {@code 202}; there is no server-to-client stream, so {@code GET} and {@code DELETE} get {@code 405}, as
 * the specification allows. It checks no credentials itself: it is mounted behind the server's guard,
 * which checks Host, Origin (the DNS-rebinding defence the specification asks for), Content-Type and the
 * API key before a request gets here.
 */
final class StatelessHttpEndpoint implements McpStatelessServerTransport, HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StatelessHttpEndpoint.class);

    private final McpJsonMapper json;
    private final long maxRequestBytes;
    private volatile McpStatelessServerHandler handler;
    private volatile boolean closing;

    StatelessHttpEndpoint(McpJsonMapper json, long maxRequestBytes) {
        this.json = json;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closing = true);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestURI().getPath().equals("/mcp")) {
                plain(exchange, 404, "not found");
                return;
            }
            if (closing) {
                plain(exchange, 503, "the server is shutting down");
                return;
            }
            if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                plain(exchange, 405, "this MCP endpoint is stateless: only POST is served");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                plain(exchange, 413, "the request body is larger than " + maxRequestBytes + " bytes");
                return;
            }
            McpSchema.JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                rpcError(exchange, 400, null, McpSchema.ErrorCodes.PARSE_ERROR, "not a JSON-RPC message");
                return;
            }
            McpTransportContext context = context(exchange);
            if (message instanceof McpSchema.JSONRPCRequest request) {
                handler.handleRequest(context, request)
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                        .subscribe(
                                response -> respond(exchange, response), failure -> failed(exchange, request, failure));
            } else if (message instanceof McpSchema.JSONRPCNotification notification) {
                handler.handleNotification(context, notification)
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                        .subscribe(null, failure -> accepted(exchange), () -> accepted(exchange));
            } else {
                accepted(exchange); // a response from the client: nothing is waiting for one
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("MCP request failed: {}", e.toString());
            exchange.close();
        }
    }

    private McpTransportContext context(HttpExchange exchange) {
        Map<String, Object> values = new HashMap<>();
        String user = exchange.getRequestHeaders().getFirst(MemosMcpServer.USER_HEADER);
        if (user != null && !user.isBlank()) {
            values.put(MemosMcpServer.USER_HEADER, user.trim());
        }
        return McpTransportContext.create(values);
    }

    private void respond(HttpExchange exchange, McpSchema.JSONRPCResponse response) {
        try {
            send(exchange, 200, json.writeValueAsBytes(response));
        } catch (IOException e) {
            LOG.debug("Could not write the MCP response: {}", e.toString());
            exchange.close();
        }
    }

    private void failed(HttpExchange exchange, McpSchema.JSONRPCRequest request, Throwable failure) {
        LOG.warn("MCP request {} failed: {}", request.method(), failure.toString());
        try {
            rpcError(exchange, 500, request.id(), McpSchema.ErrorCodes.INTERNAL_ERROR, "the request failed");
        } catch (IOException e) {
            exchange.close();
        }
    }

    private static void accepted(HttpExchange exchange) {
        try {
            exchange.sendResponseHeaders(202, -1);
        } catch (IOException e) {
            LOG.debug("Could not acknowledge an MCP notification: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private void rpcError(HttpExchange exchange, int status, Object id, int code, String message) throws IOException {
        // Built by hand: the SDK's response type refuses the null id JSON-RPC prescribes for a parse error.
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", id);
        error.put("error", Map.of("code", code, "message", message));
        send(exchange, status, json.writeValueAsBytes(error));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void plain(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The body, or null when it is larger than allowed. */
    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (buffer.size() + (long) n > maxRequestBytes) {
                return null;
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }
}
