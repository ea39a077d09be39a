package dev.memos4j.assistant.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.assistant.llm.FinishReason;
import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmStreamException;
import dev.memos4j.assistant.llm.LlmTimeoutException;
import dev.memos4j.assistant.llm.StreamListener;
import dev.memos4j.assistant.llm.TokenUsage;
import dev.memos4j.assistant.llm.ToolCall;
import dev.memos4j.client.internal.SseDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads one Chat Completions stream line by line: decodes SSE events, forwards content deltas of choice 0
 * to the listener, accumulates text, tool calls, finish reason and usage, and decides the outcome. Success needs
 * {@code [DONE]} or a finish reason; an {@code error} object, a malformed chunk, an early end or an idle
 * period longer than the idle timeout fail the stream and discard the partial text.
 */
final class SseChatSubscriber implements Flow.Subscriber<String> {

    private final StreamListener listener;
    private final CompletableFuture<LlmResult> completion;
    private final Duration idleTimeout;
    private final ScheduledExecutorService watchdog;
    private final Function<String, String> redact;
    private final SseDecoder decoder = new SseDecoder();
    private final StringBuilder text = new StringBuilder();
    private final ToolCallAssembler toolCalls = new ToolCallAssembler();

    private volatile Flow.Subscription subscription;
    private volatile long lastActivityNanos;
    private volatile String requestId;
    private FinishReason finishReason;
    private TokenUsage usage;
    private String id;
    private String model;
    private boolean done;

    SseChatSubscriber(
            StreamListener listener,
            CompletableFuture<LlmResult> completion,
            Duration idleTimeout,
            ScheduledExecutorService watchdog,
            Function<String, String> redact) {
        this.listener = listener;
        this.completion = completion;
        this.idleTimeout = idleTimeout;
        this.watchdog = watchdog;
        this.redact = redact;
    }

    void requestId(String requestId) {
        this.requestId = requestId;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (completion.isDone()) {
            subscription.cancel();
            return;
        }
        lastActivityNanos = System.nanoTime();
        scheduleIdleCheck(idleTimeout.toNanos());
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (completion.isDone()) {
            return; // finished, cancelled or failed: drain quietly
        }
        lastActivityNanos = System.nanoTime();
        decoder.feed(line).ifPresent(this::onEvent);
    }

    @Override
    public void onError(Throwable error) {
        completion.completeExceptionally(OpenAiTransport.transportFailure(error));
    }

    @Override
    public void onComplete() {
        if (completion.isDone()) {
            return;
        }
        decoder.finish().ifPresent(this::onEvent);
        if (completion.isDone()) {
            return;
        }
        if (done || finishReason != null) {
            succeed();
        } else {
            completion.completeExceptionally(new LlmStreamException(
                    "the stream ended before [DONE] and without a finish reason; the partial answer (" + text.length()
                            + " chars) was discarded" + suffix()));
        }
    }

    /** Aborts the body: the HTTP client closes the connection. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private void onEvent(String data) {
        if (done) {
            return;
        }
        if (data.strip().equals("[DONE]")) {
            done = true;
            succeed();
            return;
        }
        JsonNode chunk = OpenAiWire.tree(data);
        if (chunk == null || !chunk.isObject()) {
            fail(new LlmStreamException("the stream sent a chunk that is not a JSON object" + suffix()));
            return;
        }
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            fail(new LlmStreamException(
                    "the stream failed: " + redact.apply(OpenAiWire.errorMessage(error)) + suffix(),
                    error.isObject() ? OpenAiWire.text(error, "type").orElse(null) : null,
                    error.isObject() ? codeOf(error) : null));
            return;
        }
        if (id == null) {
            id = OpenAiWire.text(chunk, "id").orElse(null);
        }
        if (model == null) {
            model = OpenAiWire.text(chunk, "model").orElse(null);
        }
        JsonNode choices = chunk.path("choices");
        if (choices.isArray()) {
            for (JsonNode choice : choices) {
                if (choice.path("index").asInt(0) != 0) {
                    continue; // one answer per request: other choices are not asked for
                }
                JsonNode content = choice.path("delta").path("content");
                if (content.isTextual() && !content.asText().isEmpty()) {
                    String delta = content.asText();
                    text.append(delta);
                    try {
                        listener.onDelta(delta);
                    } catch (RuntimeException e) {
                        fail(new LlmException("the stream listener failed", e));
                        return;
                    }
                }
                toolCalls.feed(choice.path("delta").path("tool_calls"));
                OpenAiWire.finishReason(choice).ifPresent(reason -> finishReason = reason);
            }
        }
        OpenAiWire.usage(chunk).ifPresent(u -> usage = u);
    }

    private static String codeOf(JsonNode error) {
        JsonNode code = error.path("code");
        return code.isTextual() || code.isNumber() ? code.asText() : null;
    }

    private void succeed() {
        List<ToolCall> calls;
        try {
            calls = toolCalls.calls(suffix());
        } catch (LlmStreamException e) {
            fail(e);
            return;
        }
        completion.complete(new LlmResult(
                text.toString(),
                Optional.ofNullable(finishReason),
                Optional.ofNullable(usage),
                Optional.ofNullable(model),
                Optional.ofNullable(id),
                Optional.ofNullable(requestId),
                calls,
                false));
    }

    private void fail(LlmException failure) {
        if (completion.completeExceptionally(failure)) {
            cancel();
        }
    }

    private void scheduleIdleCheck(long delayNanos) {
        watchdog.schedule(this::checkIdle, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }

    // One pending check per stream: it re-arms itself for the remaining time instead of being reset per line.
    private void checkIdle() {
        if (completion.isDone()) {
            return;
        }
        long silent = System.nanoTime() - lastActivityNanos;
        long limit = idleTimeout.toNanos();
        if (silent >= limit) {
            fail(new LlmTimeoutException(
                    "the stream sent nothing for " + idleTimeout + "; the partial answer was discarded" + suffix()));
        } else {
            scheduleIdleCheck(limit - silent);
        }
    }

    private String suffix() {
        return requestId == null ? "" : " [request id " + requestId + "]";
    }
}
