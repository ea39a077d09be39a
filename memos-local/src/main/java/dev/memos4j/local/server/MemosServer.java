package dev.memos4j.local.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.memos4j.client.MemosClient;
import dev.memos4j.local.mcp.MemosMcpServer;
import dev.memos4j.local.server.internal.ApiHandler;
import dev.memos4j.local.server.internal.RequestGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MemOS-compatible HTTP server in front of any {@link MemosClient}, usually a local engine: it serves
 * the cloud's endpoints, JSON and envelopes under {@code /api/openmem/v1}, so this SDK's HTTP client, the
 * official Python client or curl can use it as if it were MemOS cloud. Also serves {@code GET /health}.
 *
 * <pre>{@code
 * try (LocalMemos memos = LocalMemos.open(Path.of("memos-data"));
 *      MemosServer server = MemosServer.builder(memos).port(0).apiKey("local-key").build().start()) {
 *     MemosClient client = MemosClient.builder().baseUrl(server.baseUrl()).apiKey("local-key").build();
 *     ...
 * }
 * }</pre>
 *
 * <p>It binds to {@code 127.0.0.1} by default and refuses to bind any other address without an API key
 * (unless {@link Builder#insecureNoAuth()} says so). With an API key configured, every request but
 * {@code GET /health} must carry {@code Authorization: Token KEY}. Every request, on every context, must
 * name this server in {@code Host} (a loopback name, the bound address, or an allowed host), must not come
 * from a web page whose {@code Origin} is not allowed, and a POST must be {@code application/json}: a web
 * page cannot reach in. Request bodies are size-limited. The server does not own the backend: closing the
 * server leaves the backend open.
 */
public final class MemosServer implements AutoCloseable {

    /** The port used when none is configured. */
    public static final int DEFAULT_PORT = 8765;
    /** The default limit for JSON request bodies: 8 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 8L * 1024 * 1024;
    /** The default limit for knowledge-base file uploads: 64 MiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

    /** Where the MCP endpoint (streamable HTTP) is served, behind the same guard as the API. */
    public static final String MCP_PATH = "/mcp";

    private static final Logger LOG = LoggerFactory.getLogger(MemosServer.class);
    /** How long a client may take to send a whole request (headers and body) before its connection is closed. */
    static final int MAX_REQUEST_SECONDS = 10;
    /**
     * At most this many requests are read at once, each on a thread of its own, so slow senders never
     * occupy the worker threads; beyond it new connections are closed at once.
     */
    static final int MAX_CONNECTIONS_READ = 256;

    static {
        // The JDK reads these once, when its first server is created, so they are set early, and only
        // when the application has not chosen otherwise.
        // Headers and body leave as separate packets; with Nagle's algorithm on, the body waits for the
        // client's delayed ACK (~40 ms per request on Linux).
        defaultProperty("sun.net.httpserver.nodelay", "true");
        // A client that sends its request very slowly would otherwise hold a server thread for ever (the JDK
        // counts from the first byte of the request to the last of its body, not the handler's work).
        defaultProperty("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private final MemosClient backend;
    private final String host;
    private final int requestedPort;
    private final Optional<String> apiKey;
    private final long maxRequestBytes;
    private final long maxUploadBytes;
    private final Optional<Executor> userExecutor;
    private final int threads;
    private final boolean insecureNoAuth;
    private final Set<String> allowedOrigins;
    private final Set<String> allowedHosts;
    private final Map<String, HttpHandler> extraContexts;
    private final Duration shutdownTimeout;

    private HttpServer server;
    private ApiHandler handler;
    private ExecutorService ownExecutor;
    private ExecutorService ownReaders;
    private boolean closed;

    private MemosServer(Builder b) {
        this.backend = b.backend;
        this.host = b.host;
        this.requestedPort = b.port;
        this.apiKey = b.apiKey;
        this.maxRequestBytes = b.maxRequestBytes;
        this.maxUploadBytes = b.maxUploadBytes;
        this.userExecutor = b.executor;
        this.threads = b.threads;
        this.insecureNoAuth = b.insecureNoAuth;
        this.allowedOrigins = Set.copyOf(b.allowedOrigins);
        this.allowedHosts = Set.copyOf(b.allowedHosts);
        this.extraContexts = Map.copyOf(b.extraContexts);
        this.shutdownTimeout = b.shutdownTimeout;
    }

    /**
     * A builder for a server in front of this backend.
     *
     * @param backend the client that serves every request (for example a local engine)
     * @return a new builder
     */
    public static Builder builder(MemosClient backend) {
        return new Builder(backend);
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this server
     * @throws UncheckedIOException if the address cannot be bound
     * @throws IllegalStateException if the server was already started, or would listen beyond loopback
     *     without an API key and without {@link Builder#insecureNoAuth()}
     */
    public synchronized MemosServer start() {
        if (server != null || closed) {
            throw new IllegalStateException("server already started");
        }
        InetAddress address = resolve(host);
        if (!address.isLoopbackAddress() && apiKey.isEmpty()) {
            if (!insecureNoAuth) {
                throw new IllegalStateException(exposedWithoutKey(host));
            }
            LOG.warn(
                    "*** MemOS server binding to non-loopback address {} WITHOUT an API key: anyone who can reach"
                            + " this port can read and delete every memory. Configure an API key. ***",
                    host);
        }
        Executor executor = userExecutor.orElseGet(() -> ownExecutor = boundedExecutor(threads));
        // An upload may be held about four times over while it is parsed and stored: what is in flight stays
        // within a quarter of the heap (at least one upload at a time; more get 503 and a Retry-After).
        long perUpload = 4 * maxUploadBytes;
        int concurrentUploads =
                (int) Math.max(1, Math.min(64, Runtime.getRuntime().maxMemory() / 4 / perUpload));
        handler = new ApiHandler(backend, maxRequestBytes, maxUploadBytes, executor, concurrentUploads);
        Set<String> hostNames = new HashSet<>(allowedHosts);
        hostNames.add(host.toLowerCase(Locale.ROOT));
        RequestGuard guard = new RequestGuard(
                apiKey,
                address,
                hostNames,
                allowedOrigins,
                Set.of(ApiHandler.BASE_PATH + "/" + ApiHandler.UPLOAD_PATH));
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(address, requestedPort), 0);
            // Requests are read (and handed to the backend) on reader threads; responses are written by the
            // workers. Many slow clients then tie up readers only, never the workers or /health.
            created.setExecutor(userExecutor.isPresent() ? executor : (ownReaders = readers()));
            guarded(created, "/", handler, guard);
            guarded(created, MCP_PATH, MemosMcpServer.httpHandler(backend, maxRequestBytes), guard);
            extraContexts.forEach((path, extra) -> guarded(created, path, extra, guard));
            created.start();
            server = created;
        } catch (IOException e) {
            shutdownOwnExecutor();
            throw new UncheckedIOException(
                    "could not bind " + host + ":" + requestedPort + " (" + e.getMessage() + ")", e);
        }
        LOG.info(
                "MemOS-compatible server listening on {} (api key {})",
                baseUrl(),
                apiKey.isPresent() ? "required" : "not required");
        return this;
    }

    /**
     * Every context is created here, so none can miss the guard: a new endpoint gets the same Host, Origin,
     * Content-Type and API-key checks as the API without doing anything.
     */
    private static void guarded(HttpServer server, String path, HttpHandler handler, RequestGuard guard) {
        server.createContext(path, handler).getFilters().add(guard);
    }

    static String checkedOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        if (!origin.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException(
                    "an allowed origin must be scheme://host[:port] without a path (was \"" + origin + "\")");
        }
        return origin;
    }

    static String checkedHostName(String hostName) {
        Objects.requireNonNull(hostName, "hostName");
        if (hostName.isBlank() || hostName.contains(":") || hostName.contains("/")) {
            throw new IllegalArgumentException(
                    "an allowed host must be a host name without port (was \"" + hostName + "\")");
        }
        return hostName.strip().toLowerCase(Locale.ROOT);
    }

    /** Why a server may not listen beyond loopback without a key; also the command line's message. */
    static String exposedWithoutKey(String host) {
        return "refusing to listen on " + host + " without an API key: anyone who can reach it could read and"
                + " delete every memory. Set an API key, bind 127.0.0.1, or accept the risk explicitly"
                + " (--insecure-no-auth / insecureNoAuth())";
    }

    /**
     * The bound port (the actual one when 0 was configured).
     *
     * @return the port
     * @throws IllegalStateException if the server is not running
     */
    public synchronized int port() {
        return running().getAddress().getPort();
    }

    /**
     * The base URL clients should use, for example {@code http://127.0.0.1:8765/api/openmem/v1}. When
     * bound to every interface it names the loopback address.
     *
     * @return the base URL, without a trailing slash
     * @throws IllegalStateException if the server is not running
     */
    public synchronized String baseUrl() {
        InetAddress address = running().getAddress().getAddress();
        if (address.isAnyLocalAddress()) {
            address = InetAddress.getLoopbackAddress();
        }
        String hostPart =
                address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return "http://" + hostPart + ":" + port() + ApiHandler.BASE_PATH;
    }

    /**
     * Stops accepting requests, lets the ones in flight finish (up to the shutdown timeout) and releases
     * the port and the server's own threads. The backend is not closed. Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server == null) {
            return;
        }
        try {
            if (!handler.shutdown(shutdownTimeout)) {
                LOG.warn("requests still running after {}; closing anyway", shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        shutdownOwnExecutor();
        LOG.info("MemOS-compatible server stopped");
    }

    @Override
    public synchronized String toString() {
        return "MemosServer{" + (server == null ? "host=" + host + ", port=" + requestedPort : "baseUrl=" + baseUrl())
                + ", apiKey=" + (apiKey.isPresent() ? "***" : "none") + ", running=" + (server != null && !closed)
                + "}";
    }

    private HttpServer running() {
        if (server == null || closed) {
            throw new IllegalStateException("server is not running");
        }
        return server;
    }

    private void shutdownOwnExecutor() {
        if (ownReaders != null) {
            ownReaders.shutdown();
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
            try {
                ownExecutor.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host cannot be resolved: " + host, e);
        }
    }

    /**
     * Threads that read requests: as many as there are requests being read, up to
     * {@link #MAX_CONNECTIONS_READ}, with no queue: a refused connection is closed by the JDK's dispatcher,
     * which must never block on a slow client itself.
     */
    private static ExecutorService readers() {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                0,
                MAX_CONNECTIONS_READ,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> {
                    Thread t = new Thread(runnable, "memos-server-reader-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        return pool;
    }

    /**
     * A fixed pool with a bounded queue. When both are full the accepting thread runs the exchange itself,
     * which stops it accepting more: back-pressure instead of unbounded memory.
     */
    private static ExecutorService boundedExecutor(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "memos-server-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256),
                factory,
                new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Builder of {@link MemosServer}. */
    public static final class Builder {
        private final MemosClient backend;
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Optional<String> apiKey = Optional.empty();
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private Optional<Executor> executor = Optional.empty();
        private int threads = Math.min(16, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private boolean insecureNoAuth;
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private final Map<String, HttpHandler> extraContexts = new LinkedHashMap<>();

        private Builder(MemosClient backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
        }

        /**
         * The address to bind (default {@code 127.0.0.1}). Binding anything else needs an API key, or
         * {@link #insecureNoAuth()}.
         *
         * @param host a host name or IP address
         * @return this builder
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host.strip();
            return this;
        }

        /**
         * The port to bind (default {@value MemosServer#DEFAULT_PORT}; 0 picks a free one).
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
            }
            this.port = port;
            return this;
        }

        /**
         * Requires {@code Authorization: Token KEY} on every API request ({@code /health} stays open).
         *
         * @param apiKey the key; never logged
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank() || !apiKey.equals(apiKey.strip())) {
                throw new IllegalArgumentException("apiKey must be non-blank without surrounding whitespace");
            }
            this.apiKey = Optional.of(apiKey);
            return this;
        }

        /**
         * The largest JSON request body accepted; larger ones get HTTP 413 (default 8 MiB).
         *
         * @param bytes a positive byte count
         * @return this builder
         */
        public Builder maxRequestBytes(long bytes) {
            this.maxRequestBytes = positive(bytes, "maxRequestBytes");
            return this;
        }

        /**
         * The largest {@code add/knowledgebase-file} request body accepted, JSON or multipart (default
         * 64 MiB). Uploads are buffered in memory, so keep it within the heap.
         *
         * @param bytes a positive byte count
         * @return this builder
         */
        public Builder maxUploadBytes(long bytes) {
            this.maxUploadBytes = positive(bytes, "maxUploadBytes");
            return this;
        }

        /**
         * Runs exchanges and writes responses on this executor instead of the server's own bounded pool.
         * The caller keeps ownership: the server does not shut it down.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Optional.of(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * The size of the server's own pool (default twice the processors, 4..16); ignored with
         * {@link #executor(Executor)}.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1 (was " + threads + ")");
            }
            this.threads = threads;
            return this;
        }

        /**
         * How long {@link MemosServer#close()} waits for requests in flight (default 5 s).
         *
         * @param timeout a non-negative duration
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "shutdownTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("shutdownTimeout must not be negative (was " + timeout + ")");
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Allows listening beyond loopback without an API key: anyone who can reach the port can then read
         * and delete every memory. Only for networks where every host is trusted.
         *
         * @return this builder
         */
        public Builder insecureNoAuth() {
            this.insecureNoAuth = true;
            return this;
        }

        /**
         * Lets web pages of this origin call the server from a browser (with CORS headers for it only).
         * Without it, any request carrying an {@code Origin} header is refused with 403.
         *
         * @param origin scheme, host and port, for example {@code http://localhost:3000}
         * @return this builder
         */
        public Builder allowOrigin(String origin) {
            allowedOrigins.add(checkedOrigin(origin));
            return this;
        }

        /**
         * Accepts this name in the {@code Host} header, besides loopback names and the bound address: for
         * example the machine's DNS name when clients on the network use it.
         *
         * @param hostName a host name, without port
         * @return this builder
         */
        public Builder allowHost(String hostName) {
            allowedHosts.add(checkedHostName(hostName));
            return this;
        }

        /**
         * Also serves {@code handler} under {@code path} (the MCP endpoint is built in at {@link #MCP_PATH}), behind
         * the same Host, Origin, Content-Type and API-key checks as the API.
         *
         * @param path the context path, starting with {@code /}
         * @param handler the handler of every request under the path
         * @return this builder
         */
        public Builder context(String path, HttpHandler handler) {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(handler, "handler");
            if (!path.startsWith("/")
                    || path.equals("/")
                    || path.startsWith(ApiHandler.BASE_PATH)
                    || path.equals(MCP_PATH)
                    || path.equals(RequestGuard.HEALTH_PATH)) {
                throw new IllegalArgumentException(
                        "path must start with / and not be the API's, /mcp or /health (was " + path + ")");
            }
            extraContexts.put(path, handler);
            return this;
        }

        /**
         * Builds the server; call {@link MemosServer#start()} to serve.
         *
         * @return the server, not yet started
         */
        public MemosServer build() {
            return new MemosServer(this);
        }

        private static long positive(long bytes, String name) {
            if (bytes < 1) {
                throw new IllegalArgumentException(name + " must be positive (was " + bytes + ")");
            }
            return bytes;
        }

        @Override
        public String toString() {
            return "MemosServer.Builder{host=" + host + ", port=" + port + ", apiKey="
                    + (apiKey.isPresent() ? "***" : "none") + "}";
        }
    }
}
