package dev.memos4j.assistant.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmInvalidResponseException;
import dev.memos4j.assistant.llm.LlmIoException;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmServerException;
import dev.memos4j.assistant.llm.LlmStreamException;
import dev.memos4j.assistant.llm.LlmTimeoutException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAI provider under every network fault: a typed {@code LlmException} or a successful retry, with
 * the number of attempts its retry policy documents (3 in all by default), and streams that fail once
 * text may have reached the caller are never repeated.
 */
@WireMockTest
@Timeout(value = 60, unit = TimeUnit.SECONDS) // only trips on a real hang
class OpenAiFaultMatrixTest {

    private static final String PATH = "/v1/chat/completions";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LlmRequest HELLO = LlmRequest.of(List.of(ChatMessage.user("Hello")));

    private final RecordingScheduler scheduler = new RecordingScheduler();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private OpenAiLlmProvider provider(String baseUrl) {
        return OpenAiLlmProvider.builder()
                .apiKey("sk-test")
                .baseUrl(baseUrl)
                .model("gpt-4o")
                .retryScheduler(scheduler)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .requestTimeout(Duration.ofMillis(800))
                .streamIdleTimeout(Duration.ofMillis(400))
                .build();
    }

    static Stream<Arguments> completionFaults() {
        String completion = OpenAiLlmProviderTest.resource("completion.json");
        return Stream.of(
                Arguments.of(
                        "connection reset",
                        only(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                        LlmIoException.class,
                        3),
                Arguments.of(
                        "garbage after the status line, then close",
                        only(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                        LlmIoException.class,
                        3),
                Arguments.of(
                        "body dribbles past the timeout",
                        only(okJson(completion).withChunkedDribbleDelay(5, 3_000)),
                        LlmTimeoutException.class,
                        3),
                Arguments.of(
                        "429 with Retry-After in seconds, then 200",
                        first(aResponse().withStatus(429).withHeader("Retry-After", "2"), completion),
                        null,
                        2),
                Arguments.of(
                        "429 with Retry-After as an HTTP date, then 200",
                        first(
                                aResponse().withStatus(429).withHeader("Retry-After", "Wed, 25 Nov 2026 10:00:03 GMT"),
                                completion),
                        null,
                        2),
                Arguments.of("503 then 200", first(aResponse().withStatus(503), completion), null, 2),
                Arguments.of(
                        "500 until the attempts run out",
                        only(aResponse().withStatus(500)),
                        LlmServerException.class,
                        3),
                Arguments.of(
                        "200 with an HTML page",
                        only(ok("<html>Sign in</html>").withHeader("Content-Type", "text/html")),
                        LlmInvalidResponseException.class,
                        1),
                Arguments.of("200 with an empty body", only(ok()), LlmInvalidResponseException.class, 1),
                Arguments.of(
                        "200 with truncated JSON",
                        only(okJson("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"mess")),
                        LlmInvalidResponseException.class,
                        1),
                Arguments.of(
                        "JSON served as text/plain",
                        only(ok(completion).withHeader("Content-Type", "text/plain")),
                        null,
                        1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completionFaults")
    void completionFaultsEndTypedWithTheDocumentedAttempts(
            String fault, Stubbing stubbing, Class<? extends Throwable> expected, int attempts, WireMockRuntimeInfo wm)
            throws Exception {
        stubbing.apply();

        Throwable outcome = outcomeOf(provider(wm.getHttpBaseUrl() + "/v1").complete(HELLO));

        if (expected == null) {
            assertThat(outcome).as("a successful retry").isNull();
        } else {
            assertThat(outcome).isInstanceOf(expected);
        }
        assertThat(findAll(anyRequestedFor(anyUrl()))).as("attempts").hasSize(attempts);
        if (fault.contains("Retry-After")) {
            assertThat(scheduler.requestedDelaysMillis).containsExactly(fault.contains("seconds") ? 2_000L : 3_000L);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenAnIoError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Throwable outcome =
                outcomeOf(provider("http://127.0.0.1:" + port + "/v1").complete(HELLO));

        assertThat(outcome).isInstanceOf(LlmIoException.class);
        assertThat(scheduler.requestedDelaysMillis)
                .as("two retries were scheduled")
                .hasSize(2);
    }

    static Stream<Arguments> streamFaults() {
        return Stream.of(
                Arguments.of(
                        "cut before [DONE]",
                        aResponse()
                                .withHeader("Content-Type", "text/event-stream")
                                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half\"}}]}\n\n"),
                        LlmStreamException.class,
                        1),
                Arguments.of(
                        "error object mid-stream",
                        aResponse()
                                .withHeader("Content-Type", "text/event-stream")
                                .withBody(
                                        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Par\"}}]}\n\n"
                                                + "data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n"),
                        LlmStreamException.class,
                        1),
                // nothing reached the caller before the stall, so the stream may be (and is) retried
                Arguments.of(
                        "idle stall before the first delta",
                        aResponse()
                                .withHeader("Content-Type", "text/event-stream")
                                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Slow\"}}]}\n\n"
                                        + "data: [DONE]\n\n")
                                .withChunkedDribbleDelay(2, 3_000),
                        LlmTimeoutException.class,
                        3));
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("streamFaults")
    void streamFaultsFailTypedAndRetryOnlyBeforeAnyText(
            String fault,
            ResponseDefinitionBuilder response,
            Class<? extends Throwable> expected,
            int attempts,
            WireMockRuntimeInfo wm)
            throws Exception {
        stubFor(post(PATH).willReturn(response));

        Throwable outcome = outcomeOf(
                provider(wm.getHttpBaseUrl() + "/v1").stream(HELLO, delta -> {}).completion());

        assertThat(outcome).isInstanceOf(expected);
        assertThat(findAll(anyRequestedFor(anyUrl()))).as("attempts").hasSize(attempts);
    }

    /** Stubs WireMock for one case. */
    interface Stubbing {
        void apply();
    }

    private static Stubbing only(ResponseDefinitionBuilder response) {
        return () -> stubFor(post(PATH).willReturn(response));
    }

    private static Stubbing first(ResponseDefinitionBuilder failure, String completion) {
        return () -> {
            stubFor(post(PATH)
                    .inScenario("fault")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(failure)
                    .willSetStateTo("up"));
            stubFor(post(PATH).inScenario("fault").whenScenarioStateIs("up").willReturn(okJson(completion)));
        };
    }

    private static Throwable outcomeOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the call hung", e);
        }
    }
}
