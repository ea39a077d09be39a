package dev.memos4j.local.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.client.ChatEventListener;
import dev.memos4j.client.ChatStream;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.ChatEvent;
import dev.memos4j.client.model.ChatRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Relays a backend's streaming chat as the cloud's {@code text/event-stream}: one
 * {@code event: message} block per event with {@code data: {"type":...,"data":...}}, an {@code end}
 * event, then {@code data: [DONE]}. The response starts with the first event, so a call that fails
 * before producing anything still gets a proper error envelope. A client that disconnects cancels the
 * backend stream.
 */
final class ChatEventStream implements ChatEventListener {

    private final Call call;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile ChatStream stream;
    private OutputStream out;
    private boolean endSent;
    private boolean closed;

    private ChatEventStream(Call call) {
        this.call = call;
    }

    /**
     * Starts the backend stream. The returned future fails only when nothing was sent yet (the caller
     * then answers with an error envelope); once streaming, errors are reported inside the stream.
     */
    static CompletableFuture<Void> serve(MemosClient backend, ChatRequest request, Call call) {
        ChatEventStream relay = new ChatEventStream(call);
        ChatStream stream = backend.chatStream(request, relay);
        relay.stream = stream;
        if (relay.isClosed()) {
            stream.cancel();
        }
        stream.completion().whenComplete((answer, failure) -> relay.complete(failure));
        return relay.finished;
    }

    @Override
    public synchronized void onEvent(ChatEvent event) {
        if (closed) {
            return;
        }
        try {
            ensureStarted();
            write(payload(event.type(), event.data()));
            if (event.isEnd()) {
                endSent = true;
            }
        } catch (IOException e) {
            abandon();
        }
    }

    private synchronized void complete(Throwable failure) {
        if (closed) {
            finished.complete(null);
            return;
        }
        if (failure != null && out == null) {
            closed = true;
            finished.completeExceptionally(failure);
            return;
        }
        try {
            ensureStarted();
            if (failure != null) {
                ApiException error = Failures.toApi(failure, call.requestId());
                ObjectNode node = payload("error", error.getMessage());
                node.put("code", error.code());
                write(node);
            } else if (!endSent) {
                write(payload(ChatEvent.END, ""));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // The client is gone; the stream is over either way.
        } finally {
            closed = true;
            call.endStream();
            finished.complete(null);
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void ensureStarted() throws IOException {
        if (out == null) {
            out = call.startStream();
        }
    }

    private static ObjectNode payload(String type, String data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("type", type);
        node.put("data", data);
        return node;
    }

    private void write(ObjectNode payload) throws IOException {
        // Jackson escapes line breaks inside strings, so one payload is always one data: line.
        String block = "event: message\ndata: " + Json.write(payload) + "\n\n";
        out.write(block.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void abandon() {
        closed = true;
        ChatStream s = stream;
        if (s != null) {
            s.cancel();
        }
        call.endStream();
        finished.complete(null);
    }
}
