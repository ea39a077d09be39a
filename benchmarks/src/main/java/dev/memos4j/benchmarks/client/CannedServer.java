package dev.memos4j.benchmarks.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server answering every request with the same bytes. It runs on its own fixed pool of
 * daemon threads, so it never borrows the threads of the client under test; on a small machine both still
 * share the CPUs, which is why raw and client runs are measured in the same process and alternate.
 */
final class CannedServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool;

    CannedServer(byte[] body, int threads) throws IOException {
        this(body, threads, 0);
    }

    /** A server on a given loopback port ({@code 0}: any free port). */
    CannedServer(byte[] body, int threads, int port) throws IOException {
        // Without TCP_NODELAY the body waits behind the headers for the client's delayed ACK (~40 ms a call).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "canned-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                in.readAllBytes(); // a real server reads the request before answering
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    /** The base URL of the MemOS API this server pretends to be. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/openmem/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
