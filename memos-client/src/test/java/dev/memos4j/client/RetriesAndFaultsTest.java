package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosInvalidResponseException;
import dev.memos4j.client.errors.MemosIoException;
import dev.memos4j.client.errors.MemosRateLimitException;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class RetriesAndFaultsTest {

    private static final String SEARCH = "/openmem/v1/search/memory";
    private static final String ADD = "/openmem/v1/add/message";
    private static final String SEARCH_OK =
            TestClients.envelope("{\"memory_detail_list\":[{\"id\":\"m1\",\"memory_value\":\"zoo\"}]}");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final TestClients.RecordingScheduler scheduler = new TestClients.RecordingScheduler();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private MemosClient client;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        client = builder(wm).build();
    }

    private MemosClientBuilder builder(WireMockRuntimeInfo wm) {
        return TestClients.builder(wm, scheduler)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .listener(new MemosClientListener() {
                    @Override
                    public void onRequest(MemosCallEvent e) {
                        events.add("request " + e.path() + " #" + e.attempt());
                    }

                    @Override
                    public void onRetry(MemosCallEvent e) {
                        events.add("retry " + e.path() + " in "
                                + e.retryDelay().orElseThrow().toMillis());
                    }
                });
    }

    @AfterEach
    void tearDown() {
        client.close();
        scheduler.shutdownNow();
    }

    private static SearchMemoryRequest search() {
        return SearchMemoryRequest.builder().userId("u").query("weekend").build();
    }

    private static AddMessageRequest add() {
        return AddMessageRequest.builder()
                .userId("u")
                .addMessage(Message.user("zoo on Saturday"))
                .build();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class);
        return future.handle((v, e) -> e instanceof CompletionException ? e.getCause() : e)
                .join();
    }

    @Test
    void serviceUnavailableThenOkIsRetriedAfterBackoff() {
        stubFor(post(SEARCH)
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        stubFor(post(SEARCH).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(SEARCH_OK)));

        SearchMemoryResponse response = client.searchMemory(search()).join();

        assertThat(response.memories()).hasSize(1);
        verify(2, postRequestedFor(urlEqualTo(SEARCH)));
        assertThat(scheduler.delays).containsExactly(Duration.ofMillis(500));
        assertThat(events)
                .containsExactly("request search/memory #1", "retry search/memory in 500", "request search/memory #2");
    }

    @Test
    void rateLimitRetryAfterSecondsIsObeyed() {
        stubFor(post(SEARCH)
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
                .willSetStateTo("ok"));
        stubFor(post(SEARCH).inScenario("limited").whenScenarioStateIs("ok").willReturn(okJson(SEARCH_OK)));

        client.searchMemory(search()).join();

        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(3));
        verify(2, postRequestedFor(urlEqualTo(SEARCH)));
    }

    @Test
    void rateLimitRetryAfterHttpDateIsObeyedAndNonIdempotentCallsMayRetryIt() {
        String in7s =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atOffset(ZoneOffset.UTC));
        stubFor(post(ADD)
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", in7s))
                .willSetStateTo("ok"));
        stubFor(post(ADD)
                .inScenario("limited")
                .whenScenarioStateIs("ok")
                .willReturn(
                        okJson(TestClients.envelope("{\"success\":true,\"task_id\":\"t\",\"status\":\"running\"}"))));

        client.addMessage(add()).join();

        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(7));
        verify(2, postRequestedFor(urlEqualTo(ADD)));
    }

    @Test
    void rateLimitBeyondTheLongestAcceptableWaitSurfacesWithRetryAfter() {
        stubFor(post(SEARCH)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3600")
                        .withHeader("X-Request-Id", "req-77")));

        Throwable error = failureOf(client.searchMemory(search()));

        assertThat(error).isInstanceOfSatisfying(MemosRateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofHours(1));
            assertThat(e.requestId()).contains("req-77");
        });
        verify(1, postRequestedFor(urlEqualTo(SEARCH)));
    }

    @Test
    void serverErrorsSurfaceAfterTheConfiguredAttemptsWithGrowingBackoff(WireMockRuntimeInfo wm) {
        client.close();
        client = builder(wm)
                .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(4).build())
                .build();
        stubFor(
                post(SEARCH)
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withBody(
                                                "{\"code\":50000,\"message\":\"internal error\",\"data\":null,\"trace_id\":\"tr-1\"}")));

        Throwable error = failureOf(client.searchMemory(search()));

        assertThat(error).isInstanceOfSatisfying(MemosServerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.errorCode()).contains(50000);
            assertThat(e.serviceMessage()).isEqualTo("internal error");
            assertThat(e.requestId()).contains("tr-1");
            assertThat(e.rawBody()).contains("internal error");
        });
        verify(4, postRequestedFor(urlEqualTo(SEARCH)));
        assertThat(scheduler.delays)
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void perCallMaxAttemptsOverridesThePolicy() {
        stubFor(post(SEARCH).willReturn(aResponse().withStatus(502)));
        Throwable error = failureOf(client.searchMemory(
                search(),
                RequestOptions.builder().maxAttempts(1).header("X-Trace", "abc").build()));
        assertThat(error).isInstanceOf(MemosServerException.class);
        verify(1, postRequestedFor(urlEqualTo(SEARCH)).withHeader("X-Trace", equalTo("abc")));
    }

    @Test
    void addMessageIsNotRetriedAfterAServerError() {
        stubFor(post(ADD).willReturn(serverError()));
        assertThat(failureOf(client.addMessage(add()))).isInstanceOf(MemosServerException.class);
        verify(1, postRequestedFor(urlEqualTo(ADD)));
    }

    @Test
    void addMessageIsNotRetriedAfterAConnectionReset() {
        stubFor(post(ADD).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(failureOf(client.addMessage(add()))).isInstanceOf(MemosIoException.class);
        verify(1, postRequestedFor(urlEqualTo(ADD)));
    }

    @Test
    void addMessageIsRetriedWhenTheServiceWasUnavailable() {
        stubFor(post(ADD)
                .inScenario("down")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        stubFor(post(ADD)
                .inScenario("down")
                .whenScenarioStateIs("up")
                .willReturn(
                        okJson(TestClients.envelope("{\"success\":true,\"task_id\":\"t\",\"status\":\"running\"}"))));
        assertThat(client.addMessage(add()).join().success()).isTrue();
        verify(2, postRequestedFor(urlEqualTo(ADD)));
    }

    @Test
    void addMessageIsRetriedWhenTheConnectionIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client.close();
        client = MemosClient.builder()
                .apiKey(TestClients.KEY)
                .scheduler(scheduler)
                .baseUrl("http://127.0.0.1:" + closedPort + "/openmem/v1")
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .listener(new MemosClientListener() {
                    @Override
                    public void onRequest(MemosCallEvent e) {
                        events.add("request #" + e.attempt());
                    }
                })
                .build();

        assertThat(failureOf(client.addMessage(add())))
                .isInstanceOf(MemosIoException.class)
                .hasMessageContaining("could not connect");
        assertThat(events).containsExactly("request #1", "request #2", "request #3");
    }

    @Test
    void connectionResetOnAReadIsRetried() {
        stubFor(post(SEARCH)
                .inScenario("reset")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("ok"));
        stubFor(post(SEARCH).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(SEARCH_OK)));
        assertThat(client.searchMemory(search()).join().memories()).hasSize(1);
        verify(2, postRequestedFor(urlEqualTo(SEARCH)));
    }

    @Test
    void emptyResponseAndMalformedChunksAreIoErrors() {
        stubFor(post(SEARCH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertThat(failureOf(client.searchMemory(search()))).isInstanceOf(MemosIoException.class);
        verify(3, postRequestedFor(urlEqualTo(SEARCH)));

        resetAllRequests();
        stubFor(post(SEARCH).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        assertThat(failureOf(client.searchMemory(
                        search(), RequestOptions.builder().maxAttempts(1).build())))
                .isInstanceOf(MemosIoException.class);
    }

    @Test
    void malformedEmptyAndHtmlBodiesAreInvalidResponses() {
        stubFor(post(SEARCH).willReturn(okJson("{\"code\":0,\"data\":{\"memory_detail_")));
        assertThat(failureOf(client.searchMemory(search())))
                .isInstanceOfSatisfying(MemosInvalidResponseException.class, e -> {
                    assertThat(e.statusCode()).hasValue(200);
                    assertThat(e.rawBody()).startsWith("{\"code\":0");
                    assertThat(e).hasMessageContaining("not JSON");
                });

        stubFor(post(SEARCH).willReturn(ok()));
        assertThat(failureOf(client.searchMemory(search())))
                .isInstanceOf(MemosInvalidResponseException.class)
                .hasMessageContaining("empty");

        stubFor(post(SEARCH)
                .willReturn(ok("<html><body>Gateway login</body></html>").withHeader("Content-Type", "text/html")));
        assertThat(failureOf(client.searchMemory(search())))
                .isInstanceOf(MemosInvalidResponseException.class)
                .hasMessageContaining("<html>");

        stubFor(post(SEARCH).willReturn(okJson("{\"code\":0,\"message\":\"ok\"}")));
        assertThat(failureOf(client.searchMemory(search())))
                .isInstanceOf(MemosInvalidResponseException.class)
                .hasMessageContaining("no \"data\"");

        stubFor(post(SEARCH).willReturn(okJson("{\"code\":0,\"message\":\"ok\",\"data\":[1,2]}")));
        assertThat(failureOf(client.searchMemory(search())))
                .isInstanceOf(MemosInvalidResponseException.class)
                .hasMessageContaining("not an object");
        verify(5, postRequestedFor(urlEqualTo(SEARCH))); // none of these is retried
    }

    @Test
    void htmlErrorPageFromAGatewayIsAServerErrorWithTheBody() {
        stubFor(post(SEARCH).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        assertThat(failureOf(client.searchMemory(search()))).isInstanceOfSatisfying(MemosServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(502);
            assertThat(e.errorCode()).isEmpty();
            assertThat(e.rawBody()).isEqualTo("<html>Bad Gateway</html>");
        });
        verify(3, postRequestedFor(urlEqualTo(SEARCH)));
    }

    @Test
    void temporaryUnavailableCodeInA200IsRetried() {
        stubFor(post(SEARCH)
                .inScenario("mem")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"code\":50004,\"message\":\"memory service unavailable\",\"data\":null}"))
                .willSetStateTo("ok"));
        stubFor(post(SEARCH).inScenario("mem").whenScenarioStateIs("ok").willReturn(okJson(SEARCH_OK)));
        assertThat(client.searchMemory(search()).join().memories()).hasSize(1);
        verify(2, postRequestedFor(urlEqualTo(SEARCH)));
    }

    @Test
    void slowResponseTimesOutPerCall() {
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK).withFixedDelay(1_500)));
        Throwable error = failureOf(client.searchMemory(
                search(),
                RequestOptions.builder()
                        .timeout(Duration.ofMillis(200))
                        .maxAttempts(1)
                        .build()));
        assertThat(error).isInstanceOf(MemosTimeoutException.class).hasMessageContaining("200 ms");
    }

    @Test
    void aBodyThatStallsAfterTheHeadersTimesOutToo() {
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK).withChunkedDribbleDelay(4, 2_000)));
        Throwable error = failureOf(client.searchMemory(
                search(),
                RequestOptions.builder()
                        .timeout(Duration.ofMillis(1_000))
                        .maxAttempts(1)
                        .build()));
        assertThat(error).isInstanceOf(MemosTimeoutException.class);
    }

    @Test
    void addMessageIsNotRetriedAfterAReadTimeout() {
        stubFor(post(ADD).willReturn(okJson("{}").withFixedDelay(1_500)));
        Throwable error = failureOf(client.addMessage(
                add(), RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
        assertThat(error).isInstanceOf(MemosTimeoutException.class);
        assertThat(events).containsExactly("request add/message #1");
    }

    @Test
    void cancellingTheFutureAbortsTheCallAndStopsRetries() {
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK).withFixedDelay(3_000)));
        CompletableFuture<SearchMemoryResponse> call = client.searchMemory(search());

        call.cancel(true);

        assertThatThrownBy(call::join).isInstanceOf(CancellationException.class);
        assertThat(events).containsExactly("request search/memory #1");
    }

    @Test
    void blockingViewThrowsTheSdkExceptionItself() {
        stubFor(post(SEARCH)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"code\":40000,\"message\":\"bad query\",\"data\":null}")));
        assertThatThrownBy(() -> client.blocking().searchMemory(search()))
                .isInstanceOf(dev.memos4j.client.errors.MemosBadRequestException.class)
                .hasMessageContaining("bad query");
        verify(1, postRequestedFor(urlEqualTo(SEARCH)));
    }

    @Test
    void closedClientFailsAtOnceAndInFlightCallsFail() {
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK).withFixedDelay(3_000)));
        CompletableFuture<SearchMemoryResponse> inFlight = client.searchMemory(search());

        client.close();

        assertThat(failureOf(inFlight)).isInstanceOf(MemosException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> client.searchMemory(search()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
