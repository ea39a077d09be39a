package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosInvalidResponseException;
import dev.memos4j.client.errors.MemosIoException;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which thread handles a response, by default and with {@code handleResponsesOnIoThread(true)}. */
@WireMockTest
class ResponseThreadsTest {

    private static final String SEARCH = "/openmem/v1/search/memory";
    private static final String SEARCH_OK =
            TestClients.envelope("{\"memory_detail_list\":[{\"id\":\"m1\",\"memory_value\":\"Zoo on Saturday\"}]}");

    private final TestClients.RecordingScheduler scheduler = new TestClients.RecordingScheduler();
    private final List<String> responseThreads = new CopyOnWriteArrayList<>();
    private final MemosClientListener recordThreads = new MemosClientListener() {
        @Override
        public void onResponse(MemosCallEvent event) {
            responseThreads.add(Thread.currentThread().getName());
        }
    };
    private MemosClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void byDefaultResponsesAreHandledOnTheClientsOwnPool(WireMockRuntimeInfo wm) {
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK)));
        client = TestClients.builder(wm, scheduler).listener(recordThreads).build();

        for (int i = 0; i < 5; i++) {
            assertThat(client.searchMemory(search()).join().memories()).hasSize(1);
        }

        // Never a thread started for one response, nor the common pool.
        assertThat(responseThreads).hasSize(5).allMatch(name -> name.startsWith("memos4j-http-"));
    }

    @Test
    void callbacksThatWaitForAnotherCallDoNotStarveTheDefaultPool(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK)));
        client = TestClients.builder(wm, scheduler).build();
        BlockingMemosClient blocking = client.blocking();

        // More callbacks blocked at once than the pool has threads, each waiting for a response of its own.
        List<CompletableFuture<Integer>> nested = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            nested.add(client.searchMemory(search())
                    .thenApply(
                            found -> blocking.searchMemory(search()).memories().size()));
        }

        CompletableFuture.allOf(nested.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(nested).allMatch(call -> call.join() == 1);
    }

    @Test
    void onTheIoThreadResponsesAreHandledByTheHttpClientsSelector(WireMockRuntimeInfo wm) {
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK)));
        client = TestClients.builder(wm, scheduler)
                .listener(recordThreads)
                .handleResponsesOnIoThread(true)
                .build();

        SearchMemoryResponse found = client.searchMemory(search()).join();
        client.searchMemory(search()).join();

        assertThat(found.memories()).extracting(m -> m.memoryValue()).containsExactly("Zoo on Saturday");
        assertThat(responseThreads).hasSize(2).allMatch(name -> name.matches("HttpClient-\\d+-SelectorManager"));
    }

    @Test
    void onTheIoThreadFailuresStayTypedAndRetriesStillRun(WireMockRuntimeInfo wm) {
        client = TestClients.builder(wm, scheduler)
                .handleResponsesOnIoThread(true)
                .timeout(Duration.ofMillis(500))
                .build();

        stubFor(post(SEARCH).willReturn(aResponse().withStatus(404).withBody("{\"code\":404,\"message\":\"gone\"}")));
        assertThat(failureOf(client.searchMemory(search()))).isInstanceOf(MemosNotFoundException.class);

        stubFor(post(SEARCH).willReturn(aResponse().withStatus(401).withBody("{\"code\":401,\"message\":\"no\"}")));
        assertThat(failureOf(client.searchMemory(search()))).isInstanceOf(MemosAuthenticationException.class);

        stubFor(post(SEARCH).willReturn(okJson("{\"code\":0,\"data\":[1,2]}")));
        assertThat(failureOf(client.searchMemory(search()))).isInstanceOf(MemosInvalidResponseException.class);

        stubFor(post(SEARCH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(failureOf(client.searchMemory(search()))).isInstanceOf(MemosIoException.class);

        // The headers arrive at once, the body never finishes within the timeout.
        stubFor(post(SEARCH).willReturn(okJson(SEARCH_OK).withChunkedDribbleDelay(4, 3_000)));
        assertThat(failureOf(client.searchMemory(
                        search(), RequestOptions.builder().maxAttempts(1).build())))
                .isInstanceOf(MemosTimeoutException.class);

        stubFor(post(SEARCH)
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        stubFor(post(SEARCH).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(SEARCH_OK)));
        assertThat(client.searchMemory(search()).join().memories()).hasSize(1);
    }

    @Test
    void theIoThreadOptionRefusesAnExecutorOrAnHttpClientOfItsOwn() {
        MemosClientBuilder withExecutor = MemosClient.builder()
                .apiKey(TestClients.KEY)
                .handleResponsesOnIoThread(true)
                .executor(Executors.newSingleThreadExecutor());
        assertThatThrownBy(withExecutor::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handleResponsesOnIoThread")
                .hasMessageContaining("executor(...)");

        MemosClientBuilder withClient = MemosClient.builder()
                .apiKey(TestClients.KEY)
                .handleResponsesOnIoThread(true)
                .httpClient(HttpClient.newHttpClient());
        assertThatThrownBy(withClient::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("httpClient(...)");
    }

    private static SearchMemoryRequest search() {
        return SearchMemoryRequest.builder().userId("u").query("weekend plans").build();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class);
        return future.handle((v, e) -> e instanceof CompletionException ? e.getCause() : e)
                .join();
    }
}
