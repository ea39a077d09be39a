package dev.memos4j.local.server.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request being served: its id, the bounded body, and exactly one response (an envelope or an event
 * stream). Logs one access line when the response is done; headers (and so the API key) never are.
 */
final class Call {

    private static final Logger ACCESS = LoggerFactory.getLogger("dev.memos4j.local.server.access");
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final String REQUEST_ID_HEADER = "x-request-id";
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpExchange exchange;
    private final String requestId;
    private final long startNanos = System.nanoTime();
    private final Runnable onDone;
    private int status;
    private boolean committed;
    private boolean done;

    Call(HttpExchange exchange, Runnable onDone) {
        this.exchange = exchange;
        this.onDone = onDone;
        String incoming = exchange.getRequestHeaders().getFirst(REQUEST_ID_HEADER);
        this.requestId = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    String requestId() {
        return requestId;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The path as sent, still percent-encoded. */
    String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    /** The query string as sent, still percent-encoded, or {@code ""}. */
    String rawQuery() {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? "" : query;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Adds a header to the response that is yet to be sent. */
    void setResponseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    /**
     * Reads the whole body, refusing (413) anything above the limit. A refused body is read and discarded
     * up to {@link #MAX_DISCARD_BYTES} first: closing a connection with unread data makes TCP reset it,
     * and the client would lose the 413 it is about to receive.
     */
    byte[] readBody(long maxBytes) throws IOException {
        String declared = header("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new ApiException(400, ApiException.INVALID_PARAMETER, "invalid Content-Length header");
            }
        }
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = exchange.getRequestBody()) {
            if (length > maxBytes) {
                discard(in);
                throw tooLarge(maxBytes);
            }
            byte[] body = in.readNBytes(cap + 1);
            if (body.length > cap) {
                discard(in);
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    /** How much of a refused body is read and thrown away before answering. */
    static final long MAX_DISCARD_BYTES = 4L * 1024 * 1024;

    private void discard(InputStream in) throws IOException {
        setResponseHeader("Connection", "close");
        byte[] buffer = new byte[16 * 1024];
        long left = MAX_DISCARD_BYTES;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(
                413, ApiException.PAYLOAD_TOO_LARGE, "request body exceeds the limit of " + maxBytes + " bytes");
    }

    /** Whether a response has been started (after which no error envelope can be sent). */
    synchronized boolean committed() {
        return committed;
    }

    /** Sends {@code {"code":0,"message":"ok","data":...}}. */
    void sendData(Object data) {
        send(200, Envelope.ok(data).toBytes());
    }

    /** Sends an error envelope with the exception's status and code. */
    void sendError(ApiException error) {
        send(error.status(), Envelope.error(error).toBytes());
    }

    /** Sends a complete JSON response. */
    synchronized void send(int status, byte[] json) {
        if (committed) {
            return;
        }
        committed = true;
        this.status = status;
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", JSON);
        headers.set(REQUEST_ID_HEADER, requestId);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, json.length);
            out.write(json);
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
            ACCESS.debug("could not write the response of request {}: {}", requestId, e.toString());
        } finally {
            finish();
        }
    }

    /** Sends a response without a body, such as 204. */
    synchronized void sendEmpty(int status) {
        if (committed) {
            return;
        }
        committed = true;
        this.status = status;
        exchange.getResponseHeaders().set(REQUEST_ID_HEADER, requestId);
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            ACCESS.debug("could not write the response of request {}: {}", requestId, e.toString());
        } finally {
            finish();
        }
    }

    /** Starts a {@code text/event-stream} response and returns its body; the caller must {@link #endStream()}. */
    synchronized OutputStream startStream() throws IOException {
        committed = true;
        status = 200;
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("Cache-Control", "no-cache");
        headers.set(REQUEST_ID_HEADER, requestId);
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    /** Closes the event stream started by {@link #startStream()}. */
    synchronized void endStream() {
        try {
            exchange.getResponseBody().close();
        } catch (IOException e) {
            ACCESS.debug("could not close the stream of request {}: {}", requestId, e.toString());
        } finally {
            finish();
        }
    }

    private void finish() {
        exchange.close();
        if (done) {
            return;
        }
        done = true;
        if (ACCESS.isDebugEnabled()) {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            ACCESS.debug("{} {} -> {} in {} ms (request {})", method(), rawPath(), status, millis, requestId);
        }
        onDone.run();
    }
}
