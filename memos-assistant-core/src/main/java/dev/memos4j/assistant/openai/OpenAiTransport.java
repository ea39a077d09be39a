package dev.memos4j.assistant.openai;

import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmIoException;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmServiceException;
import dev.memos4j.assistant.llm.LlmStream;
import dev.memos4j.assistant.llm.LlmTimeoutException;
import dev.memos4j.assistant.llm.StreamListener;
import dev.memos4j.client.internal.AttemptFailure;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.internal.RetryAfter;
import dev.memos4j.client.internal.RetryingCall;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link OpenAiLlmProvider}: sends a Chat Completions body, one attempt at a time under
 * the shared retry engine, and turns the response, its status and headers, or the transport's failure
 * into a result or a typed {@link LlmException}. A completion's attempt is bounded as a whole; a stream
 * is retried only until its response starts.
 */
final class OpenAiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiLlmProvider.class);

    private final OpenAiConfig config;

    OpenAiTransport(OpenAiConfig config) {
        this.config = config;
    }

    /** One answer for a serialised request. */
    CompletableFuture<LlmResult> complete(String body) {
        return RetryingCall.run(
                "openai-chat-completions",
                config.retryPolicy,
                config.retryPolicy.maxAttempts(),
                false,
                config.retryScheduler,
                (attempt, onSend) -> completeOnce(body, attempt, onSend),
                this::logRetry);
    }

    /** A streamed answer for a serialised request. */
    LlmStream stream(String body, StreamListener listener) {
        CompletableFuture<LlmResult> completion = new CompletableFuture<>();
        AtomicReference<Future<?>> inFlight = new AtomicReference<>();
        AtomicReference<SseChatSubscriber> reading = new AtomicReference<>();
        // The retried unit ends when the response headers arrive: once the body flows, nothing is retried.
        CompletableFuture<Void> opened = RetryingCall.run(
                "openai-chat-completions-stream",
                config.retryPolicy,
                config.retryPolicy.maxAttempts(),
                false,
                config.retryScheduler,
                (attempt, onSend) -> openStream(body, listener, completion, reading, attempt, exchange -> {
                    inFlight.set(exchange);
                    onSend.accept(exchange);
                }),
                this::logRetry);
        opened.whenComplete((ignored, error) -> {
            if (error != null) {
                completion.completeExceptionally(error);
            }
        });
        return LlmStream.of(completion, () -> {
            opened.cancel(true); // no attempt after this one
            SseChatSubscriber subscriber = reading.get();
            if (subscriber != null) {
                subscriber.cancel();
            }
            Future<?> send = inFlight.get();
            if (send != null) {
                send.cancel(true);
            }
        });
    }

    private CompletableFuture<LlmResult> completeOnce(String body, int attempt, Consumer<Future<?>> onSend) {
        HttpRequest httpRequest = httpRequest(body, false);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> send =
                config.http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        onSend.accept(send);
        // The request's own timeout covers only the headers: a body that trickles in must not hold the
        // turn, so the whole attempt gets the same bound and is aborted when it passes.
        CompletableFuture<HttpResponse<String>> bounded =
                send.copy().orTimeout(config.requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        bounded.whenComplete((response, error) -> {
            if (error instanceof TimeoutException) {
                send.cancel(true);
            }
        });
        return bounded.handle((response, error) -> {
            if (error instanceof TimeoutException) {
                logAttempt(-1, start, attempt);
                throw new AttemptFailure(
                        new LlmTimeoutException(
                                "no complete response within " + config.requestTimeout.toMillis() + " ms", error),
                        config.retryPolicy.retryIoErrors(),
                        false,
                        null);
            }
            if (error != null) {
                logAttempt(-1, start, attempt);
                throw new AttemptFailure(transportFailure(error), config.retryPolicy.retryIoErrors(), false, null);
            }
            logAttempt(response.statusCode(), start, attempt);
            String requestId = response.headers().firstValue("x-request-id").orElse(null);
            if (response.statusCode() / 100 == 2) {
                try {
                    return OpenAiWire.parseCompletion(response.body(), requestId);
                } catch (LlmException e) {
                    throw AttemptFailure.fatal(e);
                }
            }
            throw failure(response.statusCode(), response.body(), response.headers());
        });
    }

    private CompletableFuture<Void> openStream(
            String body,
            StreamListener listener,
            CompletableFuture<LlmResult> completion,
            AtomicReference<SseChatSubscriber> reading,
            int attempt,
            Consumer<Future<?>> onSend) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        SseChatSubscriber subscriber = new SseChatSubscriber(
                listener, completion, config.streamIdleTimeout, OpenAiConfig.SHARED_SCHEDULER, config::redact);
        long start = System.nanoTime();
        HttpResponse.BodyHandler<String> handler = info -> {
            logAttempt(info.statusCode(), start, attempt);
            if (info.statusCode() / 100 == 2) {
                subscriber.requestId(info.headers().firstValue("x-request-id").orElse(null));
                reading.set(subscriber);
                opened.complete(null);
                return HttpResponse.BodySubscribers.fromLineSubscriber(
                        subscriber, s -> (String) null, StandardCharsets.UTF_8, null);
            }
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
        CompletableFuture<HttpResponse<String>> send = config.http.sendAsync(httpRequest(body, true), handler);
        onSend.accept(send);
        send.whenComplete((response, error) -> {
            if (error != null) {
                LlmException failure = transportFailure(error);
                if (!opened.completeExceptionally(
                        new AttemptFailure(failure, config.retryPolicy.retryIoErrors(), false, null))) {
                    completion.completeExceptionally(failure); // broke mid-body: not retried
                }
            } else if (response.statusCode() / 100 != 2) {
                opened.completeExceptionally(failure(response.statusCode(), response.body(), response.headers()));
            }
        });
        return opened;
    }

    private HttpRequest httpRequest(String body, boolean stream) {
        HttpRequest.Builder b = HttpRequest.newBuilder(config.endpoint)
                .timeout(config.requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (config.apiKey != null) {
            b.header("Authorization", "Bearer " + config.apiKey);
        }
        if (config.organization != null) {
            b.header("OpenAI-Organization", config.organization);
        }
        if (config.project != null) {
            b.header("OpenAI-Project", config.project);
        }
        return b.build();
    }

    private AttemptFailure failure(int status, String rawBody, HttpHeaders headers) {
        String requestId = headers.firstValue("x-request-id").orElse(null);
        Duration retryAfter = RetryAfter.fromHeaders(headers, config.clock).orElse(null);
        LlmServiceException failure = OpenAiWire.error(status, config.redact(rawBody), requestId, retryAfter);
        boolean retryable = config.retryPolicy.retryableStatuses().contains(status)
                && !"insufficient_quota"
                        .equals(failure.code().orElse(failure.type().orElse(null)));
        Optional<String> shouldRetry = headers.firstValue("x-should-retry");
        if (shouldRetry.isPresent()) {
            retryable = shouldRetry.get().trim().equalsIgnoreCase("true");
        }
        if (LOG.isDebugEnabled()) {
            headers.map().forEach((name, values) -> {
                if (name.toLowerCase(Locale.ROOT).startsWith("x-ratelimit-")) {
                    LOG.debug("{}: {}", name, values);
                }
            });
        }
        return new AttemptFailure(failure, retryable, false, retryAfter);
    }

    private void logRetry(int nextAttempt, AttemptFailure failure, Duration wait) {
        LOG.debug(
                "Retrying {} in {} ms (attempt {} failed: {})",
                config.endpoint.getPath(),
                wait.toMillis(),
                nextAttempt - 1,
                failure.getMessage());
    }

    private void logAttempt(int status, long startNanos, int attempt) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "POST {} -> {} in {} ms (attempt {})",
                    config.endpoint.getPath(),
                    status < 0 ? "I/O error" : status,
                    (System.nanoTime() - startNanos) / 1_000_000,
                    attempt);
        }
    }

    /** Maps a transport failure of {@code java.net.http} to the provider's exception. */
    static LlmException transportFailure(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof LlmException llm) {
            return llm;
        }
        if (cause instanceof HttpTimeoutException) {
            return new LlmTimeoutException("no response headers in time: " + cause.getMessage(), cause);
        }
        if (cause instanceof CancellationException) {
            return new LlmException("the request was cancelled", cause);
        }
        if (cause instanceof IOException) {
            return new LlmIoException("I/O error talking to the LLM server: " + cause, cause);
        }
        return new LlmException("the request failed: " + cause, cause);
    }
}
