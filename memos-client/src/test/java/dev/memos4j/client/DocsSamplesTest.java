package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosRateLimitException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.TaskStatusResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code samples of docs/client.md, verbatim, so that they keep compiling and working. */
@WireMockTest
class DocsSamplesTest {

    private MemosClient memos;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        memos = MemosClient.builder()
                .apiKey(TestClients.KEY)
                .baseUrl(wm.getHttpBaseUrl() + "/v1")
                .build();
        stubFor(
                post("/v1/search/memory")
                        .willReturn(
                                okJson(
                                        TestClients.envelope(
                                                "{\"memory_detail_list\":[{\"id\":\"m1\",\"memory_value\":\"Zoo with the kids on Saturday\"}]}"))));
        stubFor(post("/v1/add/message")
                .willReturn(
                        okJson(TestClients.envelope("{\"success\":true,\"task_id\":\"t-1\",\"status\":\"running\"}"))));
        stubFor(post("/v1/get/status").willReturn(okJson(TestClients.envelope("{\"status\":\"completed\"}"))));
        stubFor(
                post("/v1/chat")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/event-stream")
                                        .withBody(
                                                "data: {\"type\":\"text\",\"data\":\"Zoo on Saturday.\"}\n\ndata: {\"type\":\"end\",\"data\":\"\"}\n\n")));
    }

    @AfterEach
    void tearDown() {
        memos.close();
    }

    // ---- Configuration (these need MEMOS_API_KEY, which the build never has) ----

    static void quickStart() {
        try (MemosClient memos = MemosClient.fromEnv()) {
            // ...
        }
    }

    static MemosClient configured() {
        MemosClient memos = MemosClient.builder()
                .environment(System::getenv) // fill unset values from MEMOS_* variables
                .timeout(Duration.ofSeconds(10)) // per attempt
                .connectTimeout(Duration.ofSeconds(5))
                .streamIdleTimeout(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
                .defaultHeader("X-Source", "home-assistant")
                .build();
        return memos;
    }

    static MemosClient patient() {
        RetryPolicy patient = RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(20))
                .retryableErrorCodes(Set.of(50000, 50004, 50005))
                .build();
        MemosClient memos = MemosClient.builder()
                .environment(System::getenv)
                .retryPolicy(patient)
                .build();
        return memos;
    }

    static MemosClient withListener() {
        MemosClient memos = MemosClient.builder()
                .environment(System::getenv)
                .listener(new MemosClientListener() {
                    @Override
                    public void onResponse(MemosCallEvent event) {
                        System.out.printf(
                                "%s %s -> %d in %d ms%n",
                                event.method(),
                                event.path(),
                                event.status().orElse(0),
                                event.latency().toMillis());
                    }

                    @Override
                    public void onRetry(MemosCallEvent event) {
                        System.out.println("retrying " + event.path() + " in "
                                + event.retryDelay().orElseThrow());
                    }
                })
                .build();
        return memos;
    }

    @Test
    void configurationSamplesStopAtTheMissingKey() {
        assertThatThrownBy(DocsSamplesTest::quickStart).hasMessageContaining("MEMOS_API_KEY");
        assertThatThrownBy(DocsSamplesTest::configured).hasMessageContaining("MEMOS_API_KEY");
        assertThatThrownBy(DocsSamplesTest::patient).hasMessageContaining("MEMOS_API_KEY");
        assertThatThrownBy(DocsSamplesTest::withListener).hasMessageContaining("MEMOS_API_KEY");
    }

    // ---- Calls ----

    @Test
    void asyncSearch() {
        CompletableFuture<SearchMemoryResponse> recall = memos.searchMemory(SearchMemoryRequest.builder()
                .userId("user-123")
                .query("What plans do I have for the weekend?")
                .build());
        recall.thenAccept(found -> found.memories().forEach(m -> System.out.println(m.memoryValue())));

        assertThat(recall.join().memories()).hasSize(1);
    }

    @Test
    void responsesOnTheIoThread(WireMockRuntimeInfo wm) {
        String apiKey = TestClients.KEY;
        String baseUrl = wm.getHttpBaseUrl() + "/v1";
        ExecutorService appPool = Executors.newFixedThreadPool(2);
        SearchMemoryRequest request = SearchMemoryRequest.builder()
                .userId("user-123")
                .query("What plans do I have for the weekend?")
                .build();

        MemosClient fast = MemosClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .handleResponsesOnIoThread(true)
                .build();
        CompletableFuture<String> summary = fast.searchMemory(request)
                .thenApply(found -> found.memories().size() + " memories") // quick, never blocks: fine here
                .thenApplyAsync(text -> text.toUpperCase(Locale.ROOT), appPool); // slow or blocking work: your pool

        assertThat(summary.join()).isEqualTo("1 MEMORIES");
        fast.close();
        appPool.shutdown();
    }

    @Test
    void blockingAdd() {
        BlockingMemosClient blocking = memos.blocking();
        TaskReceipt receipt = blocking.addMessage(AddMessageRequest.builder()
                .userId("user-123")
                .conversationId("conversation_001")
                .addMessage(Message.user("Take the kids to the zoo on Saturday."))
                .addMessage(Message.assistant("Noted: zoo with the kids on Saturday."))
                .build());

        assertThat(receipt.taskId()).contains("t-1");
    }

    @Test
    void perCallOptions() {
        SearchMemoryRequest request = SearchMemoryRequest.builder()
                .userId("user-123")
                .query("weekend")
                .build();
        SearchMemoryResponse quick = memos.searchMemory(
                        request,
                        RequestOptions.builder()
                                .timeout(Duration.ofSeconds(2))
                                .maxAttempts(1)
                                .header("X-Request-Source", "voice")
                                .build())
                .join();

        assertThat(quick.memories()).hasSize(1);
        verify(postRequestedFor(urlEqualTo("/v1/search/memory")).withHeader("X-Request-Source", equalTo("voice")));
    }

    @Test
    void extraFieldsAndSeveralSubjects() {
        AddMessageRequest shared = AddMessageRequest.builder()
                .userIds(List.of("alice", "bob")) // sent as "user_id": ["alice", "bob"]
                .addMessage(Message.user("We are taking the kids to the zoo on Saturday."))
                .info(Map.of("planned_for", LocalDate.of(2026, 12, 5))) // sent as "2026-12-05"
                .build();
        memos.addMessage(shared).join();

        SearchMemoryResponse found = memos.searchMemory(
                        SearchMemoryRequest.builder()
                                .userId("alice")
                                .query("weekend")
                                .build(),
                        RequestOptions.builder()
                                .putAdditionalBodyProperty("top_k", 10) // a field this version does not model
                                .build())
                .join();
        Map<String, Object> unknown = found.additionalProperties(); // fields the service added since

        assertThat(unknown).isEmpty();
        verify(postRequestedFor(urlEqualTo("/v1/add/message"))
                .withRequestBody(matchingJsonPath("$.user_id[1]", equalTo("bob")))
                .withRequestBody(matchingJsonPath("$.info.planned_for", equalTo("2026-12-05"))));
        verify(postRequestedFor(urlEqualTo("/v1/search/memory"))
                .withRequestBody(matchingJsonPath("$.top_k", equalTo("10"))));
    }

    @Test
    void awaitTask() {
        AddMessageRequest addRequest = AddMessageRequest.builder()
                .userId("user-123")
                .addMessage(Message.user("Take the kids to the zoo on Saturday."))
                .build();
        TaskStatusResponse done = memos.addMessage(addRequest)
                .thenCompose(receipt -> memos.awaitTask(receipt.taskId().orElseThrow(), Duration.ofSeconds(30)))
                .join();

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.taskId()).isEqualTo("t-1");
    }

    @Test
    void streamingChat() throws Exception {
        ChatRequest chatRequest = ChatRequest.builder()
                .userId("user-123")
                .conversationId("c1")
                .query("What plans do I have for the weekend?")
                .build();
        String result;
        try (ChatStream stream = memos.chatStream(chatRequest, event -> {
            if (event.isText()) {
                System.out.print(event.data());
            }
        })) {
            String answer = stream.completion().get(2, TimeUnit.MINUTES);
            result = answer;
        }

        assertThat(result).isEqualTo("Zoo on Saturday.");
    }

    @Test
    void errorHandling() {
        stubFor(post("/v1/search/memory")
                .willReturn(okJson("{\"code\":40132,\"message\":\"API Key is invalid or expired\",\"data\":null}")));
        SearchMemoryRequest request = SearchMemoryRequest.builder()
                .userId("user-123")
                .query("weekend")
                .build();
        String handled;
        try {
            memos.blocking().searchMemory(request);
            handled = "none";
        } catch (MemosAuthenticationException e) {
            System.err.println("Check MEMOS_API_KEY: " + e.serviceMessage());
            handled = "auth";
        } catch (MemosRateLimitException e) {
            System.err.println("Slow down; retry after " + e.retryAfter().orElse(Duration.ofSeconds(1)));
            handled = "rate";
        } catch (MemosException e) {
            System.err.println("Recall failed: " + e.getMessage());
            handled = "other";
        }

        assertThat(handled).isEqualTo("auth");
    }
}
