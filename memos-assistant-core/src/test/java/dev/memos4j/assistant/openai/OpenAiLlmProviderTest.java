package dev.memos4j.assistant.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.FinishReason;
import dev.memos4j.assistant.llm.LlmAuthenticationException;
import dev.memos4j.assistant.llm.LlmBadRequestException;
import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmIoException;
import dev.memos4j.assistant.llm.LlmNotFoundException;
import dev.memos4j.assistant.llm.LlmOptions;
import dev.memos4j.assistant.llm.LlmQuotaExceededException;
import dev.memos4j.assistant.llm.LlmRateLimitException;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmServerException;
import dev.memos4j.assistant.llm.LlmServiceException;
import dev.memos4j.assistant.llm.LlmStream;
import dev.memos4j.assistant.llm.LlmStreamException;
import dev.memos4j.assistant.llm.TokenUsage;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class OpenAiLlmProviderTest {

    private static final String KEY = "sk-test-SECRET-0123456789abcdef";
    private static final String PATH = "/v1/chat/completions";
    private static final LlmRequest HELLO =
            LlmRequest.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello")));

    private String baseUrl;
    private RecordingScheduler scheduler;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        baseUrl = wm.getHttpBaseUrl() + "/v1";
        scheduler = new RecordingScheduler();
    }

    private OpenAiLlmProvider.Builder provider() {
        return OpenAiLlmProvider.builder()
                .apiKey(KEY)
                .baseUrl(baseUrl)
                .model("gpt-4o")
                .retryScheduler(scheduler)
                .requestTimeout(Duration.ofSeconds(5))
                .streamIdleTimeout(Duration.ofSeconds(5));
    }

    static String resource(String name) {
        try (InputStream in = OpenAiLlmProviderTest.class.getResourceAsStream("/openai/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stubStream(String fixture) {
        stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withHeader("x-request-id", "req-stream")
                        .withBody(resource(fixture))));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Throwable failureOf(java.util.concurrent.CompletableFuture<?> future) {
        Throwable thrown =
                catchThrowable(() -> future.orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(thrown).isInstanceOf(CompletionException.class);
        return thrown.getCause();
    }

    // ---- non-streaming ----

    @Test
    void completeParsesTextFinishReasonUsageAndRequestId() {
        stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("x-request-id", "req-1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(resource("completion.json"))));

        LlmResult result = await(provider().build().complete(HELLO));

        assertThat(result.text()).isEqualTo("You are taking the kids to the zoo on Saturday.");
        assertThat(result.finishReason()).contains(FinishReason.STOP);
        assertThat(result.usage()).contains(new TokenUsage(120, 12, 132));
        assertThat(result.model()).contains("gpt-4o-2024-08-06");
        assertThat(result.id()).contains("chatcmpl-123");
        assertThat(result.requestId()).contains("req-1");
        verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                                + "{\"role\":\"user\",\"content\":\"Hello\"}]}")));
    }

    @Test
    void requestJsonCarriesOnlyTheFieldsThatAreSetAndNeverNull() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(resource("completion.json"))));
        LlmRequest withOptions = LlmRequest.builder()
                .messages(HELLO.messages())
                .options(LlmOptions.builder()
                        .model("gpt-4o-mini")
                        .temperature(0.2)
                        .topP(0.9)
                        .maxTokens(50)
                        .stop(List.of("END"))
                        .seed(7)
                        .user("u-1")
                        .build())
                .build();

        await(provider().organization("org-1").project("proj-1").build().complete(withOptions));
        await(provider().build().complete(HELLO));

        List<JsonNode> bodies = getAllServeEvents().stream()
                .map(e -> Json.tree(
                        Json.MAPPER.convertValue(readTree(e.getRequest().getBodyAsString()), Object.class)))
                .toList();
        JsonNode full = bodies.stream().filter(b -> b.has("seed")).findFirst().orElseThrow();
        assertThat(full.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(full.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(full.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(full.get("max_tokens").asInt()).isEqualTo(50); // compatible servers: the legacy name
        assertThat(full.get("stop").get(0).asText()).isEqualTo("END");
        assertThat(full.get("user").asText()).isEqualTo("u-1");
        JsonNode minimal =
                bodies.stream().filter(b -> !b.has("seed")).findFirst().orElseThrow();
        assertThat(minimal.fieldNames()).toIterable().containsExactlyInAnyOrder("model", "messages");
        for (var event : getAllServeEvents()) {
            assertThat(event.getRequest().getBodyAsString()).doesNotContain("null");
        }
        verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("OpenAI-Organization", equalTo("org-1"))
                .withHeader("OpenAI-Project", equalTo("proj-1")));
    }

    private static JsonNode readTree(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void statusesMapToTypedExceptionsWithTheParsedErrorBody() {
        OpenAiLlmProvider llm = provider().retryPolicy(RetryPolicy.none()).build();
        record Case(int status, Class<? extends LlmServiceException> type) {}
        for (Case c : List.of(
                new Case(400, LlmBadRequestException.class),
                new Case(401, LlmAuthenticationException.class),
                new Case(403, LlmAuthenticationException.class),
                new Case(404, LlmNotFoundException.class),
                new Case(409, LlmBadRequestException.class),
                new Case(422, LlmBadRequestException.class),
                new Case(429, LlmRateLimitException.class),
                new Case(500, LlmServerException.class),
                new Case(503, LlmServerException.class))) {
            stubFor(
                    post(PATH)
                            .willReturn(
                                    aResponse()
                                            .withStatus(c.status())
                                            .withHeader("x-request-id", "req-err")
                                            .withBody(
                                                    "{\"error\":{\"message\":\"Bad thing " + c.status()
                                                            + "\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"oops\"}}")));

            Throwable failure = failureOf(llm.complete(HELLO));

            assertThat(failure).as("status %d", c.status()).isInstanceOf(c.type());
            LlmServiceException e = (LlmServiceException) failure;
            assertThat(e.statusCode()).isEqualTo(c.status());
            assertThat(e.serviceMessage()).isEqualTo("Bad thing " + c.status());
            assertThat(e.type()).contains("invalid_request_error");
            assertThat(e.param()).contains("messages");
            assertThat(e.code()).contains("oops");
            assertThat(e.requestId()).contains("req-err");
            assertThat(e.getMessage()).contains(String.valueOf(c.status()), "Bad thing", "req-err");
        }
    }

    @Test
    void aNonJsonErrorBodyIsKeptAsRawText() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        Throwable failure =
                failureOf(provider().retryPolicy(RetryPolicy.none()).build().complete(HELLO));

        assertThat(failure).isInstanceOf(LlmServerException.class).hasMessageContaining("<html>Bad Gateway</html>");
        assertThat(((LlmServiceException) failure).rawBody()).contains("<html>Bad Gateway</html>");
        assertThat(((LlmServiceException) failure).type()).isEmpty();
    }

    @Test
    void retries503ThenSucceedsWithJitteredExponentialBackoff() {
        stubFor(post(PATH)
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"overloaded\"}}"))
                .willSetStateTo("second"));
        stubFor(post(PATH)
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("third"));
        stubFor(post(PATH)
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody(resource("completion.json"))));

        LlmResult result = await(provider().build().complete(HELLO));

        assertThat(result.text()).startsWith("You are taking");
        verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertThat(scheduler.requestedDelaysMillis).hasSize(2);
        assertThat(scheduler.requestedDelaysMillis.get(0)).isBetween(400L, 600L); // 0.5 s, +/- 20 %
        assertThat(scheduler.requestedDelaysMillis.get(1)).isBetween(800L, 1200L); // doubled
    }

    @Test
    void rateLimitRetryAfterIsObeyedWithoutWaiting() {
        stubFor(post(PATH)
                .inScenario("429")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("ms"));
        stubFor(post(PATH)
                .inScenario("429")
                .whenScenarioStateIs("ms")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After-Ms", "1234")
                        .withHeader("Retry-After", "99"))
                .willSetStateTo("ok"));
        stubFor(post(PATH)
                .inScenario("429")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(resource("completion.json"))));

        await(provider().build().complete(HELLO));

        assertThat(scheduler.requestedDelaysMillis).containsExactly(7000L, 1234L);
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredAgainstTheClock() {
        java.time.Instant now = java.time.Instant.parse("2026-11-25T10:00:00Z");
        stubFor(post(PATH)
                .inScenario("date")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Wed, 25 Nov 2026 10:00:03 GMT"))
                .willSetStateTo("ok"));
        stubFor(post(PATH)
                .inScenario("date")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(resource("completion.json"))));

        await(provider()
                .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .build()
                .complete(HELLO));

        assertThat(scheduler.requestedDelaysMillis).containsExactly(3000L);
    }

    @Test
    void insufficientQuotaIsNotRetried() {
        stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withBody(
                                "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                                        + "\"param\":null,\"code\":\"insufficient_quota\"}}")));

        Throwable failure = failureOf(provider().build().complete(HELLO));

        assertThat(failure).isInstanceOf(LlmQuotaExceededException.class);
        verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(scheduler.requestedDelaysMillis).isEmpty();
    }

    @Test
    void clientErrorsAreNotRetriedAndXShouldRetryOverridesTheStatus() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad\"}}")));
        assertThat(failureOf(provider().build().complete(HELLO))).isInstanceOf(LlmBadRequestException.class);
        verify(1, postRequestedFor(urlEqualTo(PATH)));

        stubFor(post(PATH).willReturn(aResponse().withStatus(503).withHeader("x-should-retry", "false")));
        assertThat(failureOf(provider().build().complete(HELLO))).isInstanceOf(LlmServerException.class);
        verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void retriesGiveUpAfterTheConfiguredNumber() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(500)));

        Throwable failure = failureOf(provider()
                .retryPolicy(OpenAiLlmProvider.defaultRetryPolicy().toBuilder()
                        .maxAttempts(4)
                        .build())
                .build()
                .complete(HELLO));

        assertThat(failure).isInstanceOf(LlmServerException.class);
        verify(4, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void theClientsRetryPolicyGovernsTheProvider() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

        // The same RetryPolicy type as the MemOS client: a Retry-After beyond maxRetryAfter ends the call...
        Throwable tooLong = failureOf(provider().build().complete(HELLO));
        assertThat(tooLong).isInstanceOf(LlmServerException.class);
        verify(1, postRequestedFor(urlEqualTo(PATH)));

        // ...and the retried statuses are the policy's.
        stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
        Throwable notRetried = failureOf(provider()
                .retryPolicy(OpenAiLlmProvider.defaultRetryPolicy().toBuilder()
                        .retryableStatuses(Set.of(429))
                        .build())
                .build()
                .complete(HELLO));
        assertThat(notRetried).isInstanceOf(LlmServerException.class);
        verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(scheduler.requestedDelaysMillis).isEmpty();
        assertThat(OpenAiLlmProvider.defaultRetryPolicy().retryableStatuses()).contains(408, 409, 429, 500, 503);
    }

    @Test
    void connectionFailuresAreIoErrors() {
        OpenAiLlmProvider llm = OpenAiLlmProvider.builder()
                .baseUrl("http://127.0.0.1:1/v1")
                .retryPolicy(RetryPolicy.none())
                .build();

        assertThat(failureOf(llm.complete(HELLO))).isInstanceOf(LlmIoException.class);
    }

    // ---- the key never leaks ----

    @Test
    void theKeyNeverAppearsInToStringOrExceptions() {
        stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                                + ".\",\"type\":\"invalid_request_error\"," + "\"code\":\"invalid_api_key\"}}")));
        OpenAiLlmProvider llm = provider().build();

        Throwable failure = failureOf(llm.complete(HELLO));

        assertThat(failure).isInstanceOf(LlmAuthenticationException.class);
        assertThat(failure.getMessage()).doesNotContain(KEY).contains("<redacted>");
        assertThat(((LlmServiceException) failure).rawBody().orElseThrow()).doesNotContain(KEY);
        assertThat(((LlmServiceException) failure).serviceMessage()).doesNotContain(KEY);
        assertThat(llm.toString()).doesNotContain(KEY).contains("<redacted>");
        assertThat(provider().toString()).doesNotContain(KEY);
    }

    // ---- configuration ----

    @Test
    void fromEnvReadsKeyBaseUrlAndModelWithDefaults() {
        OpenAiLlmProvider defaults = OpenAiLlmProvider.fromEnv(Map.of("OPENAI_API_KEY", KEY));
        assertThat(defaults.baseUrl().toString()).isEqualTo("https://api.openai.com/v1");
        assertThat(defaults.model()).isEqualTo("gpt-4o");

        OpenAiLlmProvider custom = OpenAiLlmProvider.fromEnv(Map.of(
                "OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "http://localhost:11434/v1", "OPENAI_MODEL", "llama3.2"));
        assertThat(custom.baseUrl().toString()).isEqualTo("http://localhost:11434/v1");
        assertThat(custom.model()).isEqualTo("llama3.2");

        assertThatThrownBy(() -> OpenAiLlmProvider.fromEnv(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY");
        // a local server needs no key
        assertThat(OpenAiLlmProvider.fromEnv(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"))
                        .model())
                .isEqualTo("gpt-4o");
    }

    @Test
    void plainHttpIsRefusedForRemoteHostsUnlessAllowed() {
        assertThatThrownBy(() -> OpenAiLlmProvider.builder()
                        .baseUrl("http://llm.example.com/v1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
        assertThat(OpenAiLlmProvider.builder()
                        .baseUrl("http://llm.example.com/v1")
                        .allowInsecureHttp(true)
                        .build())
                .isNotNull();
        assertThat(OpenAiLlmProvider.builder()
                        .baseUrl("http://localhost:11434/v1")
                        .build())
                .isNotNull();
        assertThat(OpenAiLlmProvider.builder().baseUrl("http://[::1]:8000/v1").build())
                .isNotNull();
        assertThatThrownBy(() -> OpenAiLlmProvider.builder().baseUrl("ftp://x/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> OpenAiLlmProvider.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
    }

    // ---- streaming ----

    private record Collected(LlmStream stream, List<String> deltas) {}

    private Collected stream(OpenAiLlmProvider llm) {
        List<String> deltas = new CopyOnWriteArrayList<>();
        return new Collected(llm.stream(HELLO, deltas::add), deltas);
    }

    @Test
    void streamDeliversDeltasAndCompletesWithTextFinishReasonAndUsage() {
        stubStream("stream-normal.txt");

        Collected c = stream(provider().build());
        LlmResult result = await(c.stream().completion());

        assertThat(c.deltas()).containsExactly("Zoo", " on", " Saturday.");
        assertThat(result.text()).isEqualTo("Zoo on Saturday.");
        assertThat(result.finishReason()).contains(FinishReason.STOP);
        assertThat(result.usage()).contains(new TokenUsage(50, 4, 54));
        assertThat(result.id()).contains("chatcmpl-9");
        assertThat(result.requestId()).contains("req-stream");
        verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson(
                        "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                        true,
                        true)));
    }

    @Test
    void multiLineDataIsJoinedAndCrLfIsAccepted() {
        stubStream("stream-multiline.txt");

        LlmResult result = await(stream(provider().build()).stream().completion());

        assertThat(result.text()).isEqualTo("Hello there");
    }

    @Test
    void commentsAndOtherFieldsAreIgnored() {
        stubStream("stream-comments.txt");

        Collected c = stream(provider().build());

        assertThat(await(c.stream().completion()).text()).isEqualTo("AB");
        assertThat(c.deltas()).containsExactly("A", "B");
    }

    @Test
    void usageOnlyChunkWithMissingOrNullChoicesIsTolerated() {
        for (String fixture : List.of("stream-usage-choices-missing.txt", "stream-usage-choices-null.txt")) {
            stubStream(fixture);

            LlmResult result = await(stream(provider().build()).stream().completion());

            assertThat(result.text()).isEqualTo("Hi");
            assertThat(result.usage()).as(fixture).contains(new TokenUsage(7, 1, 8));
        }
    }

    @Test
    void aFinishReasonWithoutDoneStillCompletes() {
        stubStream("stream-finish-without-done.txt");

        assertThat(await(stream(provider().build()).stream().completion()).text())
                .isEqualTo("No DONE");
    }

    @Test
    void aStreamEndingBeforeDoneAndFinishReasonFailsInsteadOfReturningPartialText() {
        stubStream("stream-truncated.txt");

        Collected c = stream(provider().build());
        Throwable failure = failureOf(c.stream().completion());

        assertThat(c.deltas()).containsExactly("Take the kids", " to the");
        assertThat(failure).isInstanceOf(LlmStreamException.class).hasMessageContaining("before [DONE]");
    }

    @Test
    void anErrorObjectAfter200FailsTheStreamAndIsNotRetried() {
        stubStream("stream-error.txt");

        Throwable failure = failureOf(stream(provider().build()).stream().completion());

        assertThat(failure)
                .isInstanceOf(LlmStreamException.class)
                .hasMessageContaining("The server had an error while processing your request.");
        assertThat(((LlmStreamException) failure).type()).contains("server_error");
        assertThat(((LlmStreamException) failure).code()).contains("internal_error");
        verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aStreamIsRetriedWhileNothingReachedTheCaller() {
        stubFor(post(PATH)
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("ok"));
        stubFor(post(PATH)
                .inScenario("s")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(resource("stream-normal.txt"))));

        Collected c = stream(provider().build());

        assertThat(await(c.stream().completion()).text()).isEqualTo("Zoo on Saturday.");
        assertThat(c.deltas()).containsExactly("Zoo", " on", " Saturday.");
        verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void streamErrorStatusesMapLikeCompletions() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"no key\"}}")));

        assertThat(failureOf(stream(provider().build()).stream().completion()))
                .isInstanceOf(LlmAuthenticationException.class)
                .hasMessageContaining("no key");
    }

    @Test
    void aListenerThatThrowsFailsTheStream() {
        stubStream("stream-normal.txt");

        LlmStream s = provider().build().stream(HELLO, delta -> {
            throw new IllegalStateException("ui closed");
        });

        assertThat(failureOf(s.completion())).isInstanceOf(LlmException.class).hasRootCauseMessage("ui closed");
    }
}
