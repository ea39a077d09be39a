package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class MessagesAndSearchTest {

    private final TestClients.RecordingScheduler scheduler = new TestClients.RecordingScheduler();
    private MemosClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void addMessageThenSearchRoundTrip(WireMockRuntimeInfo wm) {
        stubFor(post("/openmem/v1/add/message")
                .willReturn(
                        okJson(TestClients.envelope("{\"success\":true,\"task_id\":\"t-1\",\"status\":\"running\"}"))));
        stubFor(post("/openmem/v1/search/memory").willReturn(okJson(TestClients.envelope("""
                {"memory_detail_list":[{"id":"m1","memory_value":"Zoo with the kids on Saturday","relativity":0.8}],
                 "preference_note":""}"""))));
        client = TestClients.builder(wm, scheduler).build();

        TaskReceipt receipt = client.addMessage(AddMessageRequest.builder()
                        .userId("user-123")
                        .conversationId("c1")
                        .addMessage(Message.user("Take the kids to the zoo on Saturday."))
                        .build())
                .join();
        SearchMemoryResponse found = client.blocking()
                .searchMemory(SearchMemoryRequest.builder()
                        .userId("user-123")
                        .query("What plans do I have for the weekend?")
                        .build());

        assertThat(receipt.taskId()).contains("t-1");
        assertThat(receipt.status()).contains(TaskStatus.RUNNING);
        assertThat(found.memories()).extracting(m -> m.memoryValue()).containsExactly("Zoo with the kids on Saturday");
        verify(postRequestedFor(urlEqualTo("/openmem/v1/add/message"))
                .withHeader("Authorization", equalTo("Token test-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                        matchingJsonPath("$.messages[0].content", equalTo("Take the kids to the zoo on Saturday.")))
                .withRequestBody(matchingJsonPath("$.user_id", equalTo("user-123"))));
        verify(
                1,
                postRequestedFor(urlEqualTo("/openmem/v1/search/memory"))
                        .withRequestBody(
                                matchingJsonPath("$.query", equalTo("What plans do I have for the weekend?"))));
    }

    @Test
    void oneClientServesConcurrentCallers(WireMockRuntimeInfo wm) {
        stubFor(post("/openmem/v1/search/memory")
                .willReturn(okJson(TestClients.envelope("{\"memory_detail_list\":[]}"))));
        client = TestClients.builder(wm, scheduler).build();

        List<CompletableFuture<SearchMemoryResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(client.searchMemory(
                    SearchMemoryRequest.builder().userId("user-" + i).query("q").build()));
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join().memories()).isEmpty());
        verify(64, postRequestedFor(urlEqualTo("/openmem/v1/search/memory")));
    }
}
