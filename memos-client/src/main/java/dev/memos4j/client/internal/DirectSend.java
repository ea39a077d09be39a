package dev.memos4j.client.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Version;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * {@link HttpClient#sendAsync} without its extra thread hand-off. The future {@code sendAsync} returns is
 * completed on {@code CompletableFuture}'s default async executor, on purpose, whatever executor the
 * client has; where the common pool has a single thread (any machine with two cores or fewer) that
 * executor starts a new thread for every response. Here the response completes from the body subscriber
 * instead, on the thread that delivered the body: one of the client's executor threads (or its I/O
 * thread when that executor runs tasks in place). Failures still arrive through {@code sendAsync}'s
 * future, with the JDK's exceptions unchanged.
 */
final class DirectSend {

    private DirectSend() {}

    /**
     * Sends a request; cancelling the returned future aborts the exchange.
     *
     * @param http the client
     * @param request the request
     * @param handler reads the body
     * @param beforeStart receives the response's future before the exchange starts: what it attaches then
     *     runs on the thread that completes the response, even when the response arrives at once (attached
     *     later, it would run on the attaching thread if the response were already there)
     * @param <T> the body type
     * @return the response, completed on the thread that read the last of the body
     */
    static <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpClient http,
            HttpRequest request,
            BodyHandler<T> handler,
            Consumer<CompletableFuture<HttpResponse<T>>> beforeStart) {
        CompletableFuture<HttpResponse<T>> direct = new CompletableFuture<>();
        BodyHandler<T> completing = info -> BodySubscribers.mapping(handler.apply(info), body -> {
            direct.complete(new Received<>(request, info.statusCode(), info.headers(), info.version(), body));
            return body;
        });
        beforeStart.accept(direct);
        CompletableFuture<HttpResponse<T>> exchange = http.sendAsync(request, completing);
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                direct.completeExceptionally(error);
            } else {
                direct.complete(response); // only when the body never reached the subscriber's end
            }
        });
        direct.whenComplete((response, error) -> {
            if (error != null) {
                exchange.cancel(true); // a cancelled or timed-out call aborts the exchange
            }
        });
        return direct;
    }

    /** A response as the body handler saw it: final status, headers and body. */
    private record Received<T>(HttpRequest request, int statusCode, HttpHeaders headers, Version version, T body)
            implements HttpResponse<T> {

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }
    }
}
