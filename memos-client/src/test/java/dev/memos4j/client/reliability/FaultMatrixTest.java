package dev.memos4j.client.reliability;

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
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.MemosCallEvent;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.MemosClientListener;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosBadRequestException;
import dev.memos4j.client.errors.MemosInvalidResponseException;
import dev.memos4j.client.errors.MemosIoException;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.errors.MemosStreamException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every network fault the client can meet, against an idempotent call ({@code search/memory}) and a creating
 * call ({@code add/message}): the outcome is a typed exception or a successful retry, the number of attempts
 * follows the documented retry rules (a creating call is repeated only when the service cannot have
 * processed it), and closing the client leaves no thread behind.
 */
@WireMockTest
@Timeout(value = 60, unit = TimeUnit.SECONDS) // only trips on a real hang
class FaultMatrixTest {

    private static final String BASE = "/openmem/v1";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SEARCH_OK =
            envelope("{\"memory_detail_list\":[{\"id\":\"m1\",\"memory_value\":\"zoo\"}]}");
    private static final String ADD_OK = envelope("{\"task_id\":\"t1\",\"status\":\"running\"}");
    private static ThreadLeaks beforeAll;

    /** The two kinds of call whose retry rules differ. */
    enum Call {
        SEARCH("search/memory", SEARCH_OK),
        ADD("add/message", ADD_OK);

        final String path;
        final String okBody;

        Call(String path, String okBody) {
            this.path = path;
            this.okBody = okBody;
        }

        CompletableFuture<?> send(MemosClient client) {
            return this == SEARCH
                    ? client.searchMemory(SearchMemoryRequest.builder()
                            .userId("u")
                            .query("weekend")
                            .build())
                    : client.addMessage(AddMessageRequest.builder()
                            .userId("u")
                            .conversationId("c")
                            .addMessage(Message.user("zoo on Saturday"))
                            .build());
        }
    }

    /** Where the client is pointed and how many requests that server saw. */
    record Target(String baseUrl, IntSupplier requestsSeen) {}

    /** Prepares the fault for a call and returns the target to point the client at. */
    interface Setup {
        Target prepare(WireMockRuntimeInfo wm, Call call, List<AutoCloseable> resources) throws IOException;
    }

    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void snapshotThreads() {
        beforeAll = ThreadLeaks.snapshot();
    }

    /**
     * The JDK's HTTP client ends its selector thread a few seconds after the client becomes unreachable, so
     * that check runs once for all cases rather than after each one.
     */
    @AfterAll
    static void noHttpThreadOutlivesItsClient() throws InterruptedException {
        assertThat(beforeAll.awaitNoneLeftSince("HttpClient-", "memos4j-"))
                .as("threads left by closed clients")
                .isEmpty();
    }

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();
        // name, setup, expected failure (null = success after retrying), attempts for search, attempts for add
        add(
                cases,
                "connection refused",
                (wm, call, res) -> {
                    int port;
                    try (ServerSocket free = new ServerSocket(0)) {
                        port = free.getLocalPort();
                    }
                    return new Target("http://127.0.0.1:" + port + BASE, () -> 0);
                },
                MemosIoException.class,
                3,
                3);
        add(
                cases,
                "connection reset in the middle of the body",
                raw(RawHttpServer.Behaviour.RESET_MID_BODY),
                MemosIoException.class,
                3,
                1);
        add(
                cases,
                "server closes right after the headers",
                raw(RawHttpServer.Behaviour.CLOSE_AFTER_HEADERS),
                MemosIoException.class,
                3,
                1);
        add(
                cases,
                "body dribbles past the timeout",
                stub(okJson(SEARCH_OK).withChunkedDribbleDelay(5, 10_000)),
                MemosTimeoutException.class,
                3,
                1);
        add(
                cases,
                "429 with Retry-After in seconds, then 200",
                firstThenOk(aResponse().withStatus(429).withHeader("Retry-After", "2")),
                null,
                2,
                2);
        add(
                cases,
                "429 with Retry-After as an HTTP date, then 200",
                firstThenOk(aResponse()
                        .withStatus(429)
                        .withHeader(
                                "Retry-After",
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        NOW.plusSeconds(3).atZone(ZoneOffset.UTC)))),
                null,
                2,
                2);
        add(cases, "503 then 200", firstThenOk(aResponse().withStatus(503)), null, 2, 2);
        add(
                cases,
                "500 until the attempts run out",
                stub(aResponse().withStatus(500)),
                MemosServerException.class,
                3,
                1);
        add(
                cases,
                "502 HTML page from a gateway",
                stub(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bad Gateway</html>")),
                MemosServerException.class,
                3,
                1);
        add(
                cases,
                "200 with an HTML page",
                stub(ok("<html><body>Please log in</body></html>").withHeader("Content-Type", "text/html")),
                MemosInvalidResponseException.class,
                1,
                1);
        add(cases, "200 with an empty body", stub(ok()), MemosInvalidResponseException.class, 1, 1);
        add(
                cases,
                "200 with truncated JSON",
                stub(okJson("{\"code\":0,\"message\":\"ok\",\"data\":{\"memory_de")),
                MemosInvalidResponseException.class,
                1,
                1);
        add(
                cases,
                "200 with an authentication error envelope",
                stub(okJson("{\"code\":40132,\"message\":\"invalid token\",\"data\":null}")),
                MemosAuthenticationException.class,
                1,
                1);
        add(
                cases,
                "200 with a bad-request error envelope",
                stub(okJson("{\"code\":40000,\"message\":\"bad query\",\"data\":null}")),
                MemosBadRequestException.class,
                1,
                1);
        add(
                cases,
                "200 with a retry-later envelope every time",
                stub(okJson("{\"code\":50004,\"message\":\"memory service unavailable\",\"data\":null}")),
                MemosServerException.class,
                3,
                1);
        add(
                cases,
                "gzip body the client never asked for",
                (wm, call, res) -> {
                    stubFor(post(BASE + "/" + call.path)
                            .willReturn(aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "application/json")
                                    .withHeader("Content-Encoding", "gzip")
                                    .withBody(gzip(call.okBody))));
                    return wiremock(wm);
                },
                MemosInvalidResponseException.class,
                1,
                1);
        for (String contentType : List.of(
                "text/plain",
                "application/json; charset=utf-8",
                "application/vnd.memos+json",
                "application/octet-stream")) {
            add(
                    cases,
                    "JSON served as " + contentType,
                    (wm, call, res) -> {
                        stubFor(post(BASE + "/" + call.path)
                                .willReturn(ok(call.okBody).withHeader("Content-Type", contentType)));
                        return wiremock(wm);
                    },
                    null,
                    1,
                    1);
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("faults")
    void eachFaultEndsTypedWithTheDocumentedAttemptsAndNoLeak(
            String fault,
            Call call,
            Setup setup,
            Class<? extends Throwable> expected,
            int attempts,
            WireMockRuntimeInfo wm)
            throws Exception {
        ThreadLeaks threads = ThreadLeaks.snapshot();
        Target target = setup.prepare(wm, call, resources);
        InstantScheduler scheduler = new InstantScheduler();
        AtomicInteger sent = new AtomicInteger();
        Throwable outcome = sendOnceAndClose(target.baseUrl(), scheduler, sent, call::send);

        if (expected == null) {
            assertThat(outcome).as("a successful retry").isNull();
        } else {
            assertThat(outcome).isInstanceOf(expected);
        }
        assertThat(sent.get()).as("attempts the client made").isEqualTo(attempts);
        if (!fault.equals("connection refused")) {
            assertThat(target.requestsSeen().getAsInt())
                    .as("requests the server saw")
                    .isEqualTo(attempts);
        }
        if (fault.contains("Retry-After")) {
            assertThat(scheduler.delays)
                    .as("the wait the server asked for")
                    .containsExactly(Duration.ofSeconds(fault.contains("seconds") ? 2 : 3));
        }
        assertThat(threads.awaitNoneLeftSince("memos4j-"))
                .as("client threads left after close")
                .isEmpty();
    }

    static Stream<Arguments> streamFaults() {
        return Stream.of(
                Arguments.of(
                        "cut before [DONE]",
                        aResponse()
                                .withHeader("Content-Type", "text/event-stream")
                                .withBody("data: {\"type\":\"text\",\"data\":\"Half an ans\"}\n\n"),
                        MemosStreamException.class),
                Arguments.of(
                        "error event",
                        aResponse()
                                .withHeader("Content-Type", "text/event-stream")
                                .withBody("data: {\"type\":\"text\",\"data\":\"Par\"}\n\n"
                                        + "data: {\"type\":\"error\",\"data\":\"model overloaded\"}\n\n"),
                        MemosStreamException.class),
                Arguments.of(
                        "idle stall",
                        aResponse()
                                .withHeader("Content-Type", "text/event-stream")
                                .withBody("data: {\"type\":\"text\",\"data\":\"slow\"}\n\ndata: [DONE]\n\n")
                                .withChunkedDribbleDelay(2, 3_000),
                        MemosTimeoutException.class),
                Arguments.of(
                        "connection reset while streaming",
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK),
                        MemosStreamException.class));
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("streamFaults")
    void streamFaultsFailTheCompletionOnceWithoutRetryOrLeak(
            String fault,
            ResponseDefinitionBuilder response,
            Class<? extends Throwable> expected,
            WireMockRuntimeInfo wm)
            throws Exception {
        ThreadLeaks threads = ThreadLeaks.snapshot();
        stubFor(post(BASE + "/chat").willReturn(response));
        InstantScheduler scheduler = new InstantScheduler();
        AtomicInteger sent = new AtomicInteger();
        Throwable outcome = sendOnceAndClose(
                wm.getHttpBaseUrl() + BASE,
                scheduler,
                sent,
                client -> client.chatStream(
                                ChatRequest.builder()
                                        .userId("u")
                                        .conversationId("c")
                                        .query("q")
                                        .build(),
                                event -> {})
                        .completion());

        assertThat(outcome).isInstanceOf(expected);
        assertThat(sent.get()).as("a chat is a creating call: one attempt").isEqualTo(1);
        assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(threads.awaitNoneLeftSince("memos4j-", "HttpClient-"))
                .as("client threads left after close")
                .isEmpty();
    }

    /**
     * Sends with a fresh client and closes it. The client lives only in this frame, so that once it returns
     * nothing but a leak can keep the client's threads alive.
     */
    private static Throwable sendOnceAndClose(
            String baseUrl,
            InstantScheduler scheduler,
            AtomicInteger sent,
            java.util.function.Function<MemosClient, CompletableFuture<?>> send)
            throws InterruptedException {
        try (MemosClient client = client(baseUrl, scheduler, sent)) {
            return outcomeOf(send.apply(client));
        } finally {
            // Gracefully, as an application lending its scheduler would: the stream must not need anything queued
            // there to let its exchange end.
            scheduler.shutdown();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static MemosClient client(String baseUrl, InstantScheduler scheduler, AtomicInteger sent) {
        return MemosClient.builder()
                .apiKey("test-key")
                .baseUrl(baseUrl)
                .timeout(Duration.ofMillis(2_500)) // headroom for a loaded CI machine; the dribble takes 10 s
                .streamIdleTimeout(Duration.ofMillis(400))
                .scheduler(scheduler)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .listener(new MemosClientListener() {
                    @Override
                    public void onRequest(MemosCallEvent event) {
                        sent.incrementAndGet();
                    }
                })
                .build();
    }

    /** The failure of a future (unwrapped), or null when it succeeded; waits at most 30 s. */
    private static Throwable outcomeOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call hung", e);
        }
    }

    private static void add(
            List<Arguments> cases,
            String name,
            Setup setup,
            Class<? extends Throwable> expected,
            int searchAttempts,
            int addAttempts) {
        cases.add(Arguments.of(name, Call.SEARCH, setup, expected, searchAttempts));
        cases.add(Arguments.of(name, Call.ADD, setup, expected, addAttempts));
    }

    private static Setup stub(ResponseDefinitionBuilder response) {
        return (wm, call, res) -> {
            stubFor(post(BASE + "/" + call.path).willReturn(response));
            return wiremock(wm);
        };
    }

    private static Setup firstThenOk(ResponseDefinitionBuilder first) {
        return (wm, call, res) -> {
            String url = BASE + "/" + call.path;
            stubFor(post(url)
                    .inScenario("fault")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(first)
                    .willSetStateTo("up"));
            stubFor(post(url).inScenario("fault").whenScenarioStateIs("up").willReturn(okJson(call.okBody)));
            return wiremock(wm);
        };
    }

    private static Setup raw(RawHttpServer.Behaviour behaviour) {
        return (wm, call, res) -> {
            RawHttpServer server = new RawHttpServer(behaviour);
            res.add(server);
            return new Target(server.baseUrl(), server::requests);
        };
    }

    private static Target wiremock(WireMockRuntimeInfo wm) {
        return new Target(
                wm.getHttpBaseUrl() + BASE,
                () -> findAll(anyRequestedFor(anyUrl())).size());
    }

    private static String envelope(String data) {
        return "{\"code\":0,\"message\":\"ok\",\"data\":" + data + "}";
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
