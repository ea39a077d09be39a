package dev.memos4j.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.ChatEventListener;
import dev.memos4j.client.ChatStream;
import dev.memos4j.client.errors.MemosStreamException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.model.ChatEvent;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A streaming {@code chat}: reads the {@code text/event-stream} body line by line, frames events on blank
 * lines, joins multi-line {@code data:} fields with {@code \n}, ignores comments and the other fields, and
 * hands each payload to the listener as a {@link ChatEvent}.
 *
 * <p>Payloads {@code {"type": ..., "data": ...}} become events of that type (unknown types pass through);
 * a payload that is not such an object passes through as type {@value #RAW}. {@code [DONE]} or an
 * {@code end} event completes the stream with the joined {@code text} data; an {@code error} event, an
 * end of body before that, or silence longer than the idle timeout fails it.
 */
final class SseChatStream implements ChatStream, Flow.Subscriber<String> {

    /** The type given to payloads that are not {@code {"type", "data"}} objects. */
    static final String RAW = "raw";

    private final ChatEventListener listener;
    private final ScheduledExecutorService scheduler;
    private final Duration idleTimeout;
    private final CompletableFuture<String> completion = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final SseDecoder decoder = new SseDecoder();
    private volatile boolean started;
    private volatile Runnable abortCall = () -> {};
    private ScheduledFuture<?> idleTimer;

    SseChatStream(ChatEventListener listener, ScheduledExecutorService scheduler, Duration idleTimeout) {
        this.listener = listener;
        this.scheduler = scheduler;
        this.idleTimeout = idleTimeout;
        completion.whenComplete((answer, error) -> release());
    }

    /** Streams a 2xx event-stream body; reads anything else whole, to be decoded as an envelope. */
    BodyHandler<String> bodyHandler() {
        return info -> {
            String type = info.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
            if (info.statusCode() / 100 == 2 && !type.contains("json") && !completion.isDone()) {
                started = true;
                armIdleTimer();
                return BodySubscribers.fromLineSubscriber(this, subscriber -> "", StandardCharsets.UTF_8, null);
            }
            return BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
    }

    /** Whether an event stream began: from then on nothing is retried. */
    boolean started() {
        return started;
    }

    void onAbort(Runnable abortCall) {
        this.abortCall = abortCall;
        if (completion.isDone()) {
            abortCall.run();
        }
    }

    /** A service that answered with a plain JSON envelope instead of a stream: one text event, then end. */
    void completeWithAnswer(String answer) {
        emit(new ChatEvent(ChatEvent.TEXT, answer, answer));
        text.append(answer);
        emit(new ChatEvent(ChatEvent.END, "", ""));
        completion.complete(text.toString());
    }

    void fail(Throwable error) {
        completion.completeExceptionally(error);
    }

    @Override
    public CompletableFuture<String> completion() {
        return completion;
    }

    @Override
    public void cancel() {
        completion.completeExceptionally(new CancellationException("the chat stream was cancelled"));
    }

    // ---- Flow.Subscriber of body lines ----

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE); // after completion, lines are ignored until the abort lands
    }

    @Override
    public void onNext(String line) {
        if (completion.isDone()) {
            return;
        }
        armIdleTimer();
        decoder.feed(line).ifPresent(this::dispatch);
    }

    @Override
    public void onError(Throwable error) {
        fail(new MemosStreamException(
                "the chat stream broke off after " + text.length() + " characters of answer: " + error, error));
    }

    @Override
    public void onComplete() {
        decoder.finish().ifPresent(this::dispatch); // a last event without its blank line
        if (!completion.isDone()) {
            fail(new MemosStreamException("the chat stream ended before [DONE] or an end event, after " + text.length()
                    + " characters of answer"));
        }
    }

    // ---- events ----

    private void dispatch(String payload) {
        if (completion.isDone()) {
            return;
        }
        if (payload.equals("[DONE]")) {
            completion.complete(text.toString());
            return;
        }
        JsonNode node = parse(payload);
        if (node == null || !node.isObject() || !(node.has("type") || node.has("error"))) {
            emit(new ChatEvent(RAW, payload, payload));
            return;
        }
        if (!node.has("type")) {
            fail(new MemosStreamException("the service reported an error in the chat stream: " + node.get("error")));
            return;
        }
        String type = node.get("type").asText();
        JsonNode value = node.get("data");
        String chunk = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
        if (type.equals("error")) {
            fail(new MemosStreamException("the service reported an error in the chat stream: " + chunk));
            return;
        }
        if (type.equals(ChatEvent.TEXT)) {
            text.append(chunk);
        }
        emit(new ChatEvent(type, chunk, payload));
        if (type.equals(ChatEvent.END)) {
            completion.complete(text.toString());
        }
    }

    private void emit(ChatEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            fail(new MemosStreamException("the chat event listener failed: " + e, e));
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return Json.MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private synchronized void armIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        if (completion.isDone()) {
            return;
        }
        try {
            idleTimer = scheduler.schedule(
                    () -> fail(new MemosTimeoutException(
                            "no data on the chat stream for " + idleTimeout.toMillis() + " ms")),
                    idleTimeout.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            fail(new MemosStreamException("the client was closed", closed));
        }
    }

    private void release() {
        synchronized (this) {
            if (idleTimer != null) {
                idleTimer.cancel(false);
            }
        }
        // Aborting the exchange ends the body with an error, which the JDK's client sees through to the end.
        // Cancelling the body subscription instead can leave the exchange registered for good (JDK-8294916),
        // and with it the client's selector thread; so the subscription stays and late lines are ignored.
        abortCall.run();
    }
}
