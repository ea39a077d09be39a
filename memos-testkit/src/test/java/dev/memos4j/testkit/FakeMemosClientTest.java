package dev.memos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.RequestOptions;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosIoException;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.errors.MemosRateLimitException;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.errors.MemosStreamException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.ChatEvent;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.ChatResponse;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.UpdateMemoryRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeMemosClientTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final FakeMemosClient fake = new FakeMemosClient(Clock.fixed(NOW, ZoneOffset.UTC));

    private static AddMessageRequest add(String user, String text) {
        return AddMessageRequest.builder()
                .userId(user)
                .conversationId("c1")
                .addMessage(Message.user(text))
                .addMessage(Message.assistant("Noted."))
                .build();
    }

    private static SearchMemoryRequest search(String user, String query) {
        return SearchMemoryRequest.builder().userId(user).query(query).build();
    }

    @Test
    void addedUserMessagesAreFoundByTheirWordsForTheirUserOnly() {
        fake.blocking().addMessage(add("alice", "Take the kids to the zoo on Saturday"));
        fake.blocking().addMessage(add("bob", "Dentist on Monday"));

        SearchMemoryResponse found = fake.blocking().searchMemory(search("alice", "what about the zoo on saturday?"));

        assertThat(found.memories())
                .extracting(MemoryDetail::text)
                .containsExactly("Take the kids to the zoo on Saturday");
        assertThat(found.memories().get(0).relativity())
                .hasValueSatisfying(r -> assertThat(r).isGreaterThan(0.5));
        assertThat(found.memories().get(0).createTime().flatMap(t -> t.epochMillis()))
                .contains(NOW.toEpochMilli());
        assertThat(fake.memories("bob")).extracting(MemoryDetail::text).containsExactly("Dentist on Monday");
        assertThat(fake.blocking()
                        .searchMemory(SearchMemoryRequest.builder()
                                .userId("alice")
                                .query("dentist")
                                .relativity(0.1)
                                .build())
                        .memories())
                .as("below the relativity threshold")
                .isEmpty();
    }

    @Test
    void severalUsersOfOneAddEachGetTheMemory() {
        fake.blocking()
                .addMessage(AddMessageRequest.builder()
                        .userIds(List.of("alice", "bob"))
                        .addMessage(Message.user("Family dinner on Sunday"))
                        .build());

        assertThat(fake.memories("alice")).hasSize(1);
        assertThat(fake.memories("bob")).hasSize(1);
    }

    @Test
    void seededMemoriesAndPreferencesAreListedFetchedAndDeleted() {
        MemoryDetail zoo = fake.remember("alice", "Zoo on Saturday", NOW);
        fake.remember("alice", "Dentist on Monday", NOW.minusSeconds(60));
        fake.prefer("alice", "Prefers mornings", NOW);

        GetMemoryResponse page = fake.blocking()
                .getMemory(GetMemoryRequest.builder()
                        .userId("alice")
                        .size(1)
                        .page(2)
                        .build());
        assertThat(page.memoryDetailList())
                .as("newest first, by create_time")
                .extracting(MemoryDetail::text)
                .containsExactly("Dentist on Monday");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.pages()).isEqualTo(2);
        assertThat(fake.blocking().searchMemory(search("alice", "zoo")).preferences())
                .extracting(p -> p.preference())
                .containsExactly("Prefers mornings");
        assertThat(fake.blocking().getMemoryById(zoo.id())).isEqualTo(zoo);

        fake.blocking().deleteMemory(DeleteMemoryRequest.byIds(List.of(zoo.id())));
        assertThatThrownBy(() -> fake.blocking().getMemoryById(zoo.id())).isInstanceOf(MemosNotFoundException.class);
        fake.blocking().deleteMemory(DeleteMemoryRequest.byUser("alice"));
        assertThat(fake.memories("alice")).isEmpty();
        assertThatThrownBy(() -> fake.blocking()
                        .deleteMemory(DeleteMemoryRequest.byFilter(Map.of("and", List.of(Map.of("app_id", "a"))))))
                .isInstanceOf(MemosUnsupportedOperationException.class);
    }

    @Test
    void updatesChangeTheStoredMemoryAndListsShowTheLaterOfEqualTimesFirst() {
        MemoryDetail tea = fake.remember("alice", "Likes green tea", NOW);
        fake.remember("alice", "Zoo on Saturday", NOW);

        fake.blocking()
                .updateMemory(UpdateMemoryRequest.builder()
                        .memoryId(tea.id())
                        .content("Likes jasmine tea")
                        .build());

        MemoryDetail updated = fake.blocking().getMemoryById(tea.id());
        assertThat(updated.text()).isEqualTo("Likes jasmine tea");
        assertThat(updated.createTime()).isEqualTo(tea.createTime());
        assertThat(updated.updateTime().flatMap(t -> t.epochMillis())).contains(NOW.toEpochMilli());
        assertThat(fake.blocking()
                        .getMemory(GetMemoryRequest.builder().userId("alice").build())
                        .memoryDetailList())
                .extracting(MemoryDetail::text)
                .containsExactly("Zoo on Saturday", "Likes jasmine tea");
        assertThatThrownBy(() -> fake.blocking()
                        .updateMemory(UpdateMemoryRequest.builder()
                                .memoryId("mem-404")
                                .status("archived")
                                .build()))
                .isInstanceOf(MemosNotFoundException.class);
    }

    @Test
    void anAsyncStepReturnsTheTestsOwnFutureSoItCanBeCompletedLaterOrSeenCancelled() {
        CompletableFuture<TaskReceipt> pending = new CompletableFuture<>();
        fake.on(MemosEndpoint.ADD_MESSAGE).thenAnswerAsync(request -> pending).thenUseDefault();

        CompletableFuture<TaskReceipt> first = fake.addMessage(add("alice", "zoo"));

        assertThat(first).isSameAs(pending).isNotDone();
        pending.complete(TaskReceipt.of("t-1", TaskStatus.of("running")));
        assertThat(first.join().taskId()).contains("t-1");
        assertThat(fake.memories("alice"))
                .as("the test answered, not the store")
                .isEmpty();
        fake.blocking().addMessage(add("alice", "zoo"));
        assertThat(fake.memories("alice")).hasSize(1);

        CompletableFuture<SearchMemoryResponse> hanging = new CompletableFuture<>();
        fake.on(MemosEndpoint.SEARCH_MEMORY).delay(Duration.ofMillis(1)).thenAnswerAsync(request -> hanging);
        CompletableFuture<SearchMemoryResponse> delayed = fake.searchMemory(search("alice", "zoo"));
        delayed.cancel(true);
        // The cancel reaches the test's future once the delay is over.
        assertThatThrownBy(() -> hanging.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);

        fake.on(MemosEndpoint.GET_MEMORY_BY_ID).thenAnswerAsync(id -> null);
        assertThatThrownBy(() -> fake.getMemoryById("mem-1").join())
                .hasCauseInstanceOf(NullPointerException.class)
                .hasMessageContaining("gave no future");
    }

    @Test
    void messagesAndTasksOfAddsCanBeReadBack() {
        TaskReceipt receipt = fake.blocking().addMessage(add("alice", "Zoo on Saturday"));

        assertThat(fake.blocking()
                        .getMessage(GetMessageRequest.builder()
                                .userId("alice")
                                .conversationId("c1")
                                .build())
                        .messageDetailList())
                .extracting(m -> m.content())
                .containsExactly("Zoo on Saturday", "Noted.");
        assertThat(fake.blocking()
                        .getTaskStatus(receipt.taskId().orElseThrow())
                        .status()
                        .value())
                .isEqualTo("completed");
        assertThatThrownBy(() -> fake.blocking().getTaskStatus("nope")).isInstanceOf(MemosNotFoundException.class);
    }

    @Test
    void scriptsRunInOrderAndTheLastStepRepeats() {
        SearchMemoryResponse canned = SearchMemoryResponse.of(List.of(), List.of());
        fake.remember("alice", "Zoo on Saturday", NOW);
        fake.on(MemosEndpoint.SEARCH_MEMORY)
                .thenFail(Failures.status(503))
                .thenReturn(canned)
                .thenAnswer(request -> {
                    throw new IllegalStateException("saw " + request.query());
                })
                .thenUseDefault();

        assertThatThrownBy(() -> fake.blocking().searchMemory(search("alice", "zoo")))
                .isInstanceOf(MemosServerException.class);
        assertThat(fake.blocking().searchMemory(search("alice", "zoo"))).isSameAs(canned);
        CompletableFuture<SearchMemoryResponse> failed = fake.searchMemory(search("alice", "zoo"));
        assertThatThrownBy(failed::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(fake.blocking().searchMemory(search("alice", "zoo")).memories())
                .hasSize(1);
        assertThat(fake.blocking().searchMemory(search("alice", "zoo")).memories())
                .as("the last step repeats")
                .hasSize(1);
    }

    @Test
    void injectedFailuresHaveTheTypesTheHttpClientUses() {
        List<RuntimeException> seen = new ArrayList<>();
        fake.on(MemosEndpoint.ADD_MESSAGE)
                .thenFail(Failures.rateLimited(Duration.ofSeconds(7)))
                .thenFail(Failures.envelopeCode(40100, "bad key"))
                .thenFail(Failures.ioError())
                .thenFail(Failures.timeout())
                .thenUseDefault();
        for (int i = 0; i < 4; i++) {
            fake.addMessage(add("alice", "zoo")).exceptionally(e -> {
                seen.add((RuntimeException) e);
                return null;
            });
        }

        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).isInstanceOf(MemosRateLimitException.class);
        assertThat(((MemosRateLimitException) seen.get(0)).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(seen.get(1)).isInstanceOf(MemosAuthenticationException.class);
        assertThat(seen.get(2)).isInstanceOf(MemosIoException.class);
        assertThat(seen.get(3)).isInstanceOf(MemosTimeoutException.class);
        assertThat(fake.memories("alice")).as("failed adds store nothing").isEmpty();
        fake.blocking().addMessage(add("alice", "zoo"));
        assertThat(fake.memories("alice")).hasSize(1);
        assertThatThrownBy(() -> Failures.status(200)).hasMessageContaining("between 400 and 599");
        assertThatThrownBy(() -> Failures.envelopeCode(0, "ok")).hasMessageContaining("means success");
    }

    @Test
    void aDelayedAnswerArrivesLaterWithoutBlockingTheCaller() {
        fake.on(MemosEndpoint.SEARCH_MEMORY).delay(Duration.ofHours(1));

        CompletableFuture<SearchMemoryResponse> pending = fake.searchMemory(search("alice", "zoo"));

        assertThat(pending).isNotDone();
        assertThat(fake.requests(MemosEndpoint.SEARCH_MEMORY)).hasSize(1);
        pending.cancel(true);
        fake.on(MemosEndpoint.SEARCH_MEMORY).delay(Duration.ofMillis(1));
        assertThat(fake.searchMemory(search("alice", "zoo")).join().memories()).isEmpty();
        assertThatThrownBy(() -> fake.on(MemosEndpoint.SEARCH_MEMORY).delay(Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void everyCallIsRecordedWithItsOptions() {
        RequestOptions options =
                RequestOptions.builder().putAdditionalBodyProperty("top_k", 3).build();
        fake.searchMemory(search("alice", "zoo"), options);
        fake.addMessage(add("alice", "zoo"));

        assertThat(fake.calls())
                .extracting(RecordedCall::endpoint)
                .containsExactly(MemosEndpoint.SEARCH_MEMORY, MemosEndpoint.ADD_MESSAGE);
        assertThat(fake.calls().get(0).options().additionalBodyProperties()).containsEntry("top_k", 3);
        assertThat(fake.requests(MemosEndpoint.ADD_MESSAGE).get(0).userId()).contains("alice");
        assertThat(MemosEndpoint.ADD_MESSAGE).hasToString("add/message");

        fake.recordCalls(false).addMessage(add("alice", "zoo"));
        assertThat(fake.calls()).hasSize(2);
        assertThat(fake.callCount(MemosEndpoint.ADD_MESSAGE)).isEqualTo(2);
        assertThat(fake.callCount(MemosEndpoint.RERANK)).isZero();
    }

    @Test
    void unscriptedEndpointsAreUnsupportedAndScriptedOnesAnswer() {
        ChatRequest chat = ChatRequest.builder()
                .userId("alice")
                .conversationId("c1")
                .query("weekend?")
                .build();
        assertThatThrownBy(() -> fake.chat(chat).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(MemosUnsupportedOperationException.class)
                .hasMessageContaining("only when scripted");

        fake.on(MemosEndpoint.CHAT).thenAnswer(request -> new ChatResponse("Zoo, " + request.userId(), null));
        assertThat(fake.blocking().chat(chat).response()).isEqualTo("Zoo, alice");
    }

    @Test
    void chatStreamsDeliverTheScriptedEvents() {
        fake.on(MemosEndpoint.CHAT_STREAM)
                .thenReturn(List.of(
                        new ChatEvent(ChatEvent.TEXT, "Zoo ", null),
                        new ChatEvent(ChatEvent.TEXT, "on Saturday", null)));
        ChatRequest chat = ChatRequest.builder()
                .userId("alice")
                .conversationId("c1")
                .query("weekend?")
                .build();
        List<String> pieces = new ArrayList<>();

        String answer = fake.chatStream(chat, event -> pieces.add(event.data()))
                .completion()
                .join();

        assertThat(answer).isEqualTo("Zoo on Saturday");
        assertThat(pieces).containsExactly("Zoo ", "on Saturday");
        fake.on(MemosEndpoint.CHAT_STREAM).delay(Duration.ofHours(1));
        var pending = fake.chatStream(chat, event -> {});
        pending.cancel();
        assertThat(pending.completion()).isCompletedExceptionally();
    }

    @Test
    void otherwiseReplacesTheDefaultAnswerAndStepsStillComeFirst() {
        ChatRequest chat = ChatRequest.builder()
                .userId("alice")
                .conversationId("c1")
                .query("weekend?")
                .build();
        fake.on(MemosEndpoint.CHAT).otherwise(request -> new ChatResponse("Zoo, " + request.userId(), null));
        assertThat(fake.blocking().chat(chat).response()).isEqualTo("Zoo, alice");
        assertThat(fake.blocking().chat(chat).response()).isEqualTo("Zoo, alice");

        fake.on(MemosEndpoint.CHAT)
                .thenFail(Failures.status(503))
                .thenFail(Failures.timeout())
                .thenUseDefault();

        assertThatThrownBy(() -> fake.blocking().chat(chat)).isInstanceOf(MemosServerException.class);
        assertThatThrownBy(() -> fake.blocking().chat(chat))
                .as("steps added after others were taken run in order, none skipped")
                .isInstanceOf(MemosTimeoutException.class);
        assertThat(fake.blocking().chat(chat).response()).isEqualTo("Zoo, alice");
        fake.remember("alice", "Zoo on Saturday", NOW);
        fake.on(MemosEndpoint.SEARCH_MEMORY).otherwise(request -> SearchMemoryResponse.of(List.of(), List.of()));
        assertThat(fake.blocking().searchMemory(search("alice", "zoo")).memories())
                .as("the store is replaced too")
                .isEmpty();
    }

    @Test
    void anErrorEventFailsTheStreamThereAsTheHttpClientDoes() {
        fake.on(MemosEndpoint.CHAT_STREAM)
                .thenReturn(List.of(
                        new ChatEvent(ChatEvent.TEXT, "Zoo ", null), new ChatEvent("error", "overloaded", null)));
        List<String> pieces = new ArrayList<>();

        CompletableFuture<String> completion = fake.chatStream(chatRequest(), event -> pieces.add(event.data()))
                .completion();

        assertThat(pieces).containsExactly("Zoo ");
        assertThatThrownBy(completion::join)
                .hasCauseInstanceOf(MemosStreamException.class)
                .hasMessageContaining("overloaded");
        fake.on(MemosEndpoint.CHAT_STREAM).thenReturn(List.of(new ChatEvent(ChatEvent.TEXT, "x", null)));
        IllegalStateException broken = new IllegalStateException("listener bug");
        assertThatThrownBy(() -> fake.chatStream(chatRequest(), event -> {
                            throw broken;
                        })
                        .completion()
                        .join())
                .as("a listener that throws fails the stream")
                .hasCause(broken);
    }

    @Test
    void aPacedStreamRunsOnItsOwnAndACancelStopsItAndIsSeen() throws Exception {
        fake.on(MemosEndpoint.CHAT_STREAM)
                .delay(Duration.ofMillis(1))
                .thenReturn(java.util.Collections.nCopies(100_000, new ChatEvent(ChatEvent.TEXT, "token ", null)));
        CountDownLatch twoEvents = new CountDownLatch(2);
        List<String> pieces = new java.util.concurrent.CopyOnWriteArrayList<>();

        var stream = fake.chatStream(chatRequest(), event -> {
            pieces.add(event.data());
            twoEvents.countDown();
        });

        assertThat(stream.completion())
                .as("the call returned before the events")
                .isNotDone();
        assertThat(twoEvents.await(10, TimeUnit.SECONDS)).isTrue();
        stream.cancel();
        int seen = pieces.size();
        assertThat(fake.chatStreams()).containsExactly(stream);
        assertThat(fake.chatStreams().get(0).completion()).isCancelled();
        assertThat(seen).isLessThan(100_000);
    }

    private static ChatRequest chatRequest() {
        return ChatRequest.builder()
                .userId("alice")
                .conversationId("c1")
                .query("weekend?")
                .build();
    }

    @Test
    void aClosedFakeRefusesCalls() {
        fake.close();

        assertThat(fake.isClosed()).isTrue();
        assertThatThrownBy(() -> fake.searchMemory(search("alice", "zoo")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the MemosClient is closed");
        assertThatThrownBy(() -> fake.remember(" ", "x", NOW)).hasMessage("userId is required");
    }
}
