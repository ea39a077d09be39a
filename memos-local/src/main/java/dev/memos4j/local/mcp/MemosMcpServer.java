package dev.memos4j.local.mcp;

import com.sun.net.httpserver.HttpHandler;
import dev.memos4j.assistant.tools.MemoryTools;
import dev.memos4j.client.MemosClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * An MCP server over any {@link MemosClient}: the local engine or MemOS cloud. It offers the memory tools
 * ({@code search_memories}, {@code add_memory}, {@code get_memory}, {@code update_memory},
 * {@code delete_memory}, {@code list_memories}; see {@link MemoryTools}) to any MCP host.
 *
 * <ul>
 *   <li>stdio ({@link #serveStdio}): one process per user, as desktop and IDE hosts start it; the user is
 *       fixed when the server starts;
 *   <li>streamable HTTP ({@link #httpHandler}): mounted at {@code /mcp} on the local server, behind its
 *       Host, Origin and API-key checks; each request names its user in the {@value #USER_HEADER} header,
 *       which the host's configuration sets, never the model.
 * </ul>
 *
 * <p>No tool takes a user id, so a model cannot reach another user's memories.
 */
public final class MemosMcpServer {

    /** The header that names the user on the HTTP transport. */
    public static final String USER_HEADER = "X-MemOS-User-Id";

    static final String NAME = "memos4j";
    static final String INSTRUCTIONS = "Long-term memory of the user. Search it before answering questions about"
            + " the user's plans, preferences or past conversations; add what the user asks you to remember.";

    private MemosMcpServer() {}

    /**
     * Serves MCP over a pair of streams until the input ends (the host closed it). Nothing but protocol
     * messages is written to {@code out}; logs go wherever slf4j sends them (standard error for the
     * server jar).
     *
     * @param memos where the memories live; not closed here
     * @param userId the user whose memories the tools reach; required, not blank
     * @param in the host's messages, usually {@code System.in}
     * @param out the server's messages, usually the original {@code System.out}
     */
    public static void serveStdio(MemosClient memos, String userId, InputStream in, OutputStream out) {
        Objects.requireNonNull(memos, "memos");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required and must not be blank");
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpMemoryTools tools = new McpMemoryTools(memos, json);
        CountDownLatch ended = new CountDownLatch(1);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, new EndAware(in, ended), out);
        McpServer.AsyncSpecification<?> spec = McpServer.async(transport)
                .serverInfo(NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                // The tools check their own arguments, with messages that name the field and the rule.
                .validateToolInputs(false);
        McpAsyncServer server = spec.tools(McpMemoryTools.descriptions().stream()
                        .map(tool -> new McpServerFeatures.AsyncToolSpecification(
                                tool, (exchange, request) -> tools.call(userId, request)))
                        .toList())
                .build();
        boolean interrupted = false;
        while (ended.getCount() > 0) {
            try {
                ended.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        server.closeGracefully().block(Duration.ofSeconds(5));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The stateless streamable-HTTP endpoint, for a JDK HTTP server at {@code /mcp}. Each call works on the
     * memories of the user its {@value #USER_HEADER} header names. It checks no credentials: mount it
     * behind a guard, as {@code MemosServer} does (Host, Origin, Content-Type and API key).
     *
     * @param memos where the memories live
     * @param maxRequestBytes the largest request body accepted
     * @return the handler
     */
    public static HttpHandler httpHandler(MemosClient memos, long maxRequestBytes) {
        Objects.requireNonNull(memos, "memos");
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, was " + maxRequestBytes);
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpMemoryTools tools = new McpMemoryTools(memos, json);
        StatelessHttpEndpoint endpoint = new StatelessHttpEndpoint(json, maxRequestBytes);
        McpServer.StatelessAsyncSpecification spec = McpServer.async(endpoint)
                .serverInfo(NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false);
        spec.tools(McpMemoryTools.descriptions().stream()
                        .map(tool -> new McpStatelessServerFeatures.AsyncToolSpecification(
                                tool, (context, request) -> tools.call((String) context.get(USER_HEADER), request)))
                        .toList())
                .build();
        return endpoint;
    }

    private static String version() {
        String version = MemosMcpServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Counts the latch down when the stream ends, so the server knows the host has gone. */
    private static final class EndAware extends FilterInputStream {
        private final CountDownLatch ended;

        EndAware(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return track(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return track(super.read(b, off, len));
        }

        @Override
        public void close() throws IOException {
            ended.countDown();
            super.close();
        }

        private int track(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }
    }
}
