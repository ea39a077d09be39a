package dev.memos4j.local.server;

import dev.memos4j.client.MemosClient;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.mcp.McpCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line entry point of {@code memos-local-server.jar}: serves a local MemOS-compatible engine
 * over HTTP until the process is stopped.
 *
 * <pre>
 * java -jar memos-local/target/memos-local-server.jar --port 8765 --data-dir ./memos-data
 * java -jar memos-local/target/memos-local-server.jar mcp --data-dir ./memos-data --user-id alice
 * </pre>
 *
 * <p>Run with {@code --help} for every option. On SIGTERM or Ctrl-C the server stops accepting requests,
 * lets those in flight finish, then closes the engine.
 */
public final class MemosServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(MemosServerMain.class);

    private MemosServerMain() {}

    /**
     * Starts the server and blocks until the process is asked to stop.
     *
     * @param args the command line; see {@code --help}
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("mcp")) {
            System.exit(runMcp(Arrays.copyOfRange(args, 1, args.length)));
        }
        int status = run(args, System.getenv(), System.out, System.err, MemosServerMain::openLocalEngine);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@code mcp}: stdout carries only MCP messages, so anything else printed is sent to stderr. */
    private static int runMcp(String[] args) {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        return McpCommand.run(args, System.getenv(), System.in, protocol, System.err);
    }

    /** Parses, starts, and waits for the shutdown hook; returns the exit status (2 for bad arguments). */
    static int run(
            String[] args,
            Map<String, String> environment,
            PrintStream out,
            PrintStream err,
            Function<ServerCommandLine, MemosClient> backendOpener) {
        ServerCommandLine commandLine;
        try {
            commandLine = ServerCommandLine.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help to see the options.");
            return 2;
        }
        if (commandLine.help()) {
            out.print(ServerCommandLine.USAGE);
            return 0;
        }
        RunningServer running;
        try {
            running = start(commandLine, out, backendOpener);
        } catch (RuntimeException e) {
            err.println("error: could not start the server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                running.close();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "memos-server-shutdown"));
        boolean interrupted = false;
        while (stopped.getCount() > 0) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Opens the backend and starts the server on it; prints where it listens and how to connect. */
    static RunningServer start(
            ServerCommandLine commandLine, PrintStream out, Function<ServerCommandLine, MemosClient> backendOpener) {
        // Bind first: a port in use must fail before the data directory is created or a model loaded.
        checkBindable(commandLine.host(), commandLine.port());
        MemosClient backend = Objects.requireNonNull(backendOpener.apply(commandLine), "backend");
        MemosServer server;
        try {
            MemosServer.Builder builder = MemosServer.builder(backend)
                    .host(commandLine.host())
                    .port(commandLine.port())
                    .maxRequestBytes(commandLine.maxRequestBytes())
                    .maxUploadBytes(commandLine.maxUploadBytes());
            commandLine.apiKey().ifPresent(builder::apiKey);
            commandLine.allowedOrigins().forEach(builder::allowOrigin);
            commandLine.allowedHosts().forEach(builder::allowHost);
            if (commandLine.insecureNoAuth()) {
                builder.insecureNoAuth();
            }
            server = builder.build().start();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        printWelcome(commandLine, server, out);
        return new RunningServer(server, backend);
    }

    private static void printWelcome(ServerCommandLine commandLine, MemosServer server, PrintStream out) {
        String store = commandLine
                .dataDirectory()
                .map(d -> d.toAbsolutePath().toString())
                .orElse("memory only");
        // The key itself is never printed: it may end up in terminal scroll-back or CI logs.
        String key = commandLine.apiKey().isPresent() ? "<your --api-key>" : "any-non-empty-value";
        String url = server.baseUrl();
        out.println("memos4j local server (store: " + store + ")");
        out.println("Listening on " + url + (commandLine.apiKey().isPresent() ? "  (API key required)" : ""));
        out.println();
        out.println("Point a client at it:");
        out.println("  Java:   MemosClient.builder().baseUrl(\"" + url + "\").apiKey(\"" + key + "\").build()");
        out.println("  Python: MemOSClient(api_key=\"" + key + "\", base_url=\"" + url + "\")");
        out.println("  curl:   curl -s -X POST " + url + "/search/memory -H 'Authorization: Token " + key + "'"
                + " -H 'Content-Type: application/json' -d '{\"query\":\"weekend plans\",\"user_id\":\"u1\"}'");
        out.println("Health: " + url.substring(0, url.length() - "/api/openmem/v1".length()) + "/health");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** The embedded engine: durable in the data directory, or in memory with {@code --in-memory}. */
    static MemosClient openLocalEngine(ServerCommandLine commandLine) {
        return openLocalEngine(commandLine, Embedder.defaultModel());
    }

    /**
     * Loads the embedding model before the server starts: otherwise the first {@code add/message} pays for
     * it (seconds on a busy machine) while {@code /health} already says ok.
     */
    static LocalMemos openLocalEngine(ServerCommandLine commandLine, Embedder embedder) {
        if (embedder.enabled()) {
            embedder.embedQuery("warm up");
        }
        LocalMemos.Builder builder = LocalMemos.builder().embedder(embedder);
        commandLine.dataDirectory().ifPresentOrElse(builder::dataDirectory, builder::inMemory);
        LocalMemos memos = builder.build();
        if (commandLine.compact()) {
            long start = System.nanoTime();
            LOG.info("compacting the index into one segment in the background; searches and writes go on");
            memos.compact().whenComplete((done, failure) -> {
                if (failure == null) {
                    LOG.info("index compacted in {} s", (System.nanoTime() - start) / 1_000_000_000L);
                } else {
                    LOG.warn("compacting the index failed, it was left as it was: {}", failure.getMessage());
                }
            });
        }
        return memos;
    }

    private static void checkBindable(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    /** A started server and its backend; closing stops the server first, then the backend. */
    static final class RunningServer implements AutoCloseable {
        private final MemosServer server;
        private final MemosClient backend;

        RunningServer(MemosServer server, MemosClient backend) {
            this.server = server;
            this.backend = backend;
        }

        MemosServer server() {
            return server;
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                backend.close();
            }
        }
    }
}
