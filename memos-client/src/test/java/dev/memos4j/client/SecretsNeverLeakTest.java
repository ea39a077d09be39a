package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.errors.MemosInvalidResponseException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.testlog.CapturingLogProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The API key must never appear in logs (even at TRACE), exceptions, listener events or toString(). */
@WireMockTest
class SecretsNeverLeakTest {

    private static final String KEY = "mpg-7f3a9c-SECRET";
    private static final String SEARCH = "/v1/search/memory";

    @Test
    void theKeyAppearsNowhere(WireMockRuntimeInfo wm) {
        CapturingLogProvider.clear();
        List<String> seen = new CopyOnWriteArrayList<>();
        MemosClientListener listener = new MemosClientListener() {
            @Override
            public void onRequest(MemosCallEvent e) {
                seen.add(e.toString());
            }

            @Override
            public void onResponse(MemosCallEvent e) {
                seen.add(e.toString());
            }

            @Override
            public void onError(MemosCallEvent e) {
                seen.add(e.toString());
            }

            @Override
            public void onRetry(MemosCallEvent e) {
                seen.add(e.toString());
            }
        };
        MemosClientBuilder builder = MemosClient.builder()
                .apiKey(KEY)
                .baseUrl(wm.getHttpBaseUrl() + "/v1")
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .defaultHeader("X-Api-Key", KEY)
                .listener(listener);
        SearchMemoryRequest search =
                SearchMemoryRequest.builder().userId("u").query("weekend").build();
        List<Throwable> errors = new ArrayList<>();

        try (MemosClient client = builder.build()) {
            seen.add(builder.toString());
            seen.add(client.toString());

            stubFor(post(SEARCH)
                    .inScenario("s")
                    .whenScenarioStateIs("Started")
                    .willReturn(serverError())
                    .willSetStateTo("ok"));
            stubFor(post(SEARCH)
                    .inScenario("s")
                    .whenScenarioStateIs("ok")
                    .willReturn(okJson(TestClients.envelope("{\"memory_detail_list\":[]}"))));
            client.searchMemory(search).join();

            stubFor(post(SEARCH)
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withBody("{\"code\":40132,\"message\":\"invalid key " + KEY + "\",\"data\":null}")));
            errors.add(failure(client.searchMemory(search)));

            stubFor(post(SEARCH).willReturn(ok("<html>Token " + KEY + " rejected</html>")));
            errors.add(failure(client.searchMemory(search)));

            stubFor(post(SEARCH).willReturn(okJson("{}").withFixedDelay(1_000)));
            errors.add(failure(client.searchMemory(
                    search,
                    RequestOptions.builder()
                            .timeout(Duration.ofMillis(100))
                            .maxAttempts(1)
                            .build())));

            stubFor(post("/v1/chat")
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "text/event-stream")
                            .withBody("data: {\"type\":\"text\",\"data\":\"hi\"}\n\ndata: [DONE]\n\n")));
            client.chatStream(
                            ChatRequest.builder()
                                    .userId("u")
                                    .conversationId("c")
                                    .query("q")
                                    .build(),
                            e -> {})
                    .completion()
                    .join();
        }

        assertThat(errors.get(0))
                .isInstanceOfSatisfying(
                        MemosServiceException.class,
                        e -> assertThat(e.rawBody()).contains("invalid key ***"));
        assertThat(errors.get(1)).isInstanceOf(MemosInvalidResponseException.class);
        for (Throwable error : errors) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
            if (error instanceof MemosServiceException service) {
                seen.add(service.rawBody());
            }
            if (error instanceof MemosInvalidResponseException invalid) {
                seen.add(invalid.rawBody());
            }
        }
        List<String> logs = CapturingLogProvider.lines();

        // The checks below can fail: headers and bodies really were logged and reported.
        assertThat(String.join("\n", logs))
                .contains("Token ***")
                .contains("weekend")
                .contains("Retrying");
        assertThat(String.join("\n", seen)).contains("Authorization=[***]").contains("X-Api-Key=[***]");
        assertThat(logs)
                .anyMatch(line -> line.matches(
                        "DEBUG dev\\.memos4j\\.client - POST search/memory -> 200 in \\d+ ms \\(attempt 2/3\\)"));
        assertThat(logs)
                .anyMatch(line ->
                        line.startsWith("WARN dev.memos4j.client - Retrying POST search/memory in 0 ms (attempt 2/3)"));
        assertThat(logs).noneMatch(line -> line.contains(KEY));
        assertThat(seen).noneMatch(text -> text.contains(KEY));
    }

    private static Throwable failure(CompletableFuture<?> future) {
        return future.handle((v, e) -> e instanceof CompletionException ? e.getCause() : e)
                .join();
    }
}
