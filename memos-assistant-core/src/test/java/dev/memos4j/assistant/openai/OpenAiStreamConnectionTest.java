package dev.memos4j.assistant.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmStream;
import dev.memos4j.assistant.llm.LlmTimeoutException;
import dev.memos4j.client.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stream behaviours that need a server holding the connection open: the idle timeout and cancellation.
 * A loopback JDK server writes the first chunk, then keeps the stream open (silent, or with comments).
 */
class OpenAiStreamConnectionTest {

    private static final String FIRST_CHUNK =
            "data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Take the kids\"},\"finish_reason\":null}]}\n\n";
    private static final LlmRequest REQUEST = LlmRequest.of(List.of(ChatMessage.user("weekend?")));

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private volatile boolean keepAlivePings;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-sse-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(FIRST_CHUNK.getBytes(StandardCharsets.UTF_8));
                out.flush();
                // Bounded: at most 10 s, then the handler gives up either way.
                for (int i = 0; i < 200 && release.getCount() > 0; i++) {
                    if (keepAlivePings) {
                        out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    release.await(50, TimeUnit.MILLISECONDS);
                }
            } catch (IOException e) {
                clientGone.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private OpenAiLlmProvider provider(Duration idleTimeout) {
        return OpenAiLlmProvider.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .streamIdleTimeout(idleTimeout)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @Test
    void aStalledStreamFailsWithTheIdleTimeoutAndDiscardsThePartialText() {
        List<String> deltas = new CopyOnWriteArrayList<>();

        LlmStream stream = provider(Duration.ofMillis(200)).stream(REQUEST, deltas::add);
        Throwable failure = catchThrowable(
                () -> stream.completion().orTimeout(10, TimeUnit.SECONDS).join());

        assertThat(deltas).containsExactly("Take the kids");
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(LlmTimeoutException.class);
        assertThat(failure.getCause()).hasMessageContaining("sent nothing for PT0.2S");
    }

    @Test
    void cancelAbortsTheHttpStream() throws InterruptedException {
        keepAlivePings = true;
        List<String> deltas = new CopyOnWriteArrayList<>();
        CountDownLatch firstDelta = new CountDownLatch(1);

        LlmStream stream = provider(Duration.ofSeconds(30)).stream(REQUEST, d -> {
            deltas.add(d);
            firstDelta.countDown();
        });
        assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();
        stream.cancel();

        assertThat(stream.completion()).isCancelled();
        assertThat(catchThrowable(() -> stream.completion().join())).isInstanceOf(CancellationException.class);
        // The server notices the closed connection on its next write.
        assertThat(clientGone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(deltas).containsExactly("Take the kids");
    }
}
