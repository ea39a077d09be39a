package dev.memos4j.local.server.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.memos4j.client.MemosClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The server's API handler: {@code GET /health}, the cloud endpoints under {@value #BASE_PATH}, and
 * error envelopes for everything else. It bounds the body, calls the backend asynchronously and answers on
 * the server's executor when the backend's future completes. The API key and the Host, Origin and
 * Content-Type checks are the {@link RequestGuard}'s, in front of every context.
 */
public final class ApiHandler implements HttpHandler {

    /** The path prefix of the cloud API. */
    public static final String BASE_PATH = "/api/openmem/v1";

    /** The endpoint that takes file uploads, as {@code multipart/form-data} too. */
    public static final String UPLOAD_PATH = Endpoints.UPLOAD_PATH;

    private static final String GET_MEMORY_BY_ID = "get/memory/";
    private static final byte[] HEALTH =
            "{\"status\":\"healthy\",\"service\":\"memos4j-local\"}".getBytes(StandardCharsets.UTF_8);

    private final MemosClient backend;
    private final long maxRequestBytes;
    private final long maxUploadBytes;
    private final Executor responder;
    private final Map<String, Endpoints.Endpoint> postRoutes;
    private final Object lock = new Object();
    private int inFlight;
    private boolean closing;

    /**
     * Creates the handler.
     *
     * @param backend the client every request is served by
     * @param maxRequestBytes the largest accepted JSON body
     * @param maxUploadBytes the largest accepted {@code add/knowledgebase-file} body
     * @param executor where responses are written once the backend answers
     */
    public ApiHandler(MemosClient backend, long maxRequestBytes, long maxUploadBytes, Executor executor) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.maxRequestBytes = maxRequestBytes;
        this.maxUploadBytes = maxUploadBytes;
        Objects.requireNonNull(executor, "executor");
        // After shutdown the executor may refuse work; writing the reply inline still frees the exchange.
        this.responder = task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
        this.postRoutes = Endpoints.post(backend);
    }

    @Override
    public void handle(HttpExchange exchange) {
        boolean admitted = admit();
        Call call = new Call(exchange, admitted ? this::requestDone : () -> {});
        if (!admitted) {
            call.setResponseHeader("Retry-After", "1");
            call.sendError(new ApiException(503, ApiException.UNAVAILABLE, "server is shutting down"));
            return;
        }
        CompletableFuture<?> result;
        try {
            result = route(call);
        } catch (Throwable t) {
            result = CompletableFuture.failedFuture(t);
        }
        result.whenCompleteAsync(
                (data, failure) -> {
                    if (call.committed()) {
                        return; // answered already: health, or an event stream
                    }
                    try {
                        if (failure != null) {
                            call.sendError(Failures.toApi(failure, call.requestId()));
                        } else {
                            call.sendData(data);
                        }
                    } catch (RuntimeException e) {
                        // For example a result that cannot be serialised: the caller still gets an answer.
                        call.sendError(Failures.toApi(e, call.requestId()));
                    }
                },
                responder);
    }

    private CompletableFuture<?> route(Call call) throws Exception {
        String path = call.rawPath();
        if (path.equals("/health")) {
            requireMethod(call, "GET");
            call.send(200, HEALTH);
            return CompletableFuture.completedFuture(null);
        }
        if (!path.startsWith(BASE_PATH + "/")) {
            throw notFound(path);
        }
        String endpoint = path.substring(BASE_PATH.length() + 1);
        Endpoints.Endpoint post = postRoutes.get(endpoint);
        if (post != null) {
            requireMethod(call, "POST");
            long limit = endpoint.equals(Endpoints.UPLOAD_PATH) ? maxUploadBytes : maxRequestBytes;
            return post.serve(call, call.readBody(limit));
        }
        if (endpoint.startsWith(GET_MEMORY_BY_ID)) {
            requireMethod(call, "GET");
            return Endpoints.getMemoryById(backend, percentDecode(endpoint.substring(GET_MEMORY_BY_ID.length())));
        }
        throw notFound(path);
    }

    private static ApiException notFound(String path) {
        return new ApiException(404, ApiException.NOT_FOUND, "no endpoint at " + path);
    }

    private static void requireMethod(Call call, String method) {
        if (!call.method().equals(method)) {
            call.setResponseHeader("Allow", method);
            throw new ApiException(
                    405, ApiException.METHOD_NOT_ALLOWED, "method " + call.method() + " not allowed; use " + method);
        }
    }

    /** Percent-decodes a path segment as UTF-8; unlike form decoding, {@code +} stays {@code +}. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new ApiException(400, ApiException.INVALID_PARAMETER, "malformed percent-encoding in memid");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new ApiException(400, ApiException.INVALID_PARAMETER, "malformed percent-encoding in memid");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, ApiException.INVALID_PARAMETER, "memid is not valid UTF-8");
        }
    }

    private boolean admit() {
        synchronized (lock) {
            if (closing) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    private void requestDone() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    /**
     * Refuses new requests (503) and waits until the ones in flight have answered.
     *
     * @param timeout how long to wait at most
     * @return whether every request finished in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean shutdown(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            closing = true;
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
