package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.ExtractMemoryRequest;
import dev.memos4j.client.model.ExtractMemoryResponse;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMemoryResponse;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.MessageDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.client.model.UpdateMemoryRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of the engine a user would notice; BM25 only, so every test runs in milliseconds. */
class LocalMemosTest {

    private final List<LocalMemos> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(LocalMemos::close);
    }

    private LocalMemos memos() {
        return track(LocalMemos.builder().inMemory().embedder(Embedder.none()).build());
    }

    private LocalMemos track(LocalMemos memos) {
        opened.add(memos);
        return memos;
    }

    private static TaskReceipt add(LocalMemos memos, String user, String conversation, Message... messages) {
        return memos.addMessage(AddMessageRequest.builder()
                        .userId(user)
                        .conversationId(conversation)
                        .messages(List.of(messages))
                        .build())
                .join();
    }

    private static List<String> search(LocalMemos memos, String user, String query) {
        return memos
                .searchMemory(
                        SearchMemoryRequest.builder().userId(user).query(query).build())
                .join()
                .memories()
                .stream()
                .map(MemoryDetail::memoryValue)
                .toList();
    }

    @Test
    void persistsAcrossCloseAndReopen(@TempDir Path dir) {
        LocalMemos first = LocalMemos.builder()
                .dataDirectory(dir)
                .embedder(Embedder.none())
                .build();
        add(first, "u1", "c1", Message.user("The boiler service is booked for October."));
        first.close();

        LocalMemos reopened = track(LocalMemos.builder()
                .dataDirectory(dir)
                .embedder(Embedder.none())
                .build());
        assertThat(search(reopened, "u1", "when is the boiler service"))
                .containsExactly("The boiler service is booked for October.");
        add(reopened, "u1", "c1", Message.user("The boiler needs a new pressure valve."));
        assertThat(reopened.getMemory(GetMemoryRequest.builder().userId("u1").build())
                        .join()
                        .total())
                .isEqualTo(2);
    }

    @Test
    void aSecondOpenerOfTheSameDirectoryGetsAClearError(@TempDir Path dir) {
        track(LocalMemos.builder().dataDirectory(dir).embedder(Embedder.none()).build());
        assertThatThrownBy(() -> LocalMemos.builder()
                        .dataDirectory(dir)
                        .embedder(Embedder.none())
                        .build())
                .isInstanceOf(MemosException.class)
                .hasMessageContaining("data directory " + dir)
                .hasMessageContaining("is in use by another process");
    }

    @Test
    void reopeningWithAnotherEmbedderIsRefused(@TempDir Path dir) {
        LocalMemos lexical = LocalMemos.builder()
                .dataDirectory(dir)
                .embedder(Embedder.none())
                .build();
        lexical.close();
        assertThatThrownBy(() -> LocalMemos.builder()
                        .dataDirectory(dir)
                        .embedder(Embedder.allMiniLmL6V2Quantized())
                        .build())
                .isInstanceOf(MemosException.class)
                .hasMessageContaining("was indexed with embedder 'none'");
        track(LocalMemos.builder().dataDirectory(dir).embedder(Embedder.none()).build()); // lock was released
    }

    @Test
    void deleteByIdsRemovesFromSearchListingAndGetById() {
        LocalMemos memos = memos();
        add(memos, "u1", "c1", Message.user("My bike lock code is 4821."), Message.user("The bike has a flat tyre."));
        List<MemoryDetail> all = memos.getMemory(
                        GetMemoryRequest.builder().userId("u1").build())
                .join()
                .memoryDetailList();
        MemoryDetail lock = all.stream()
                .filter(m -> m.memoryValue().contains("lock"))
                .findFirst()
                .orElseThrow();

        memos.deleteMemory(DeleteMemoryRequest.byIds(List.of(lock.id()))).join();

        assertThat(search(memos, "u1", "bike lock code")).containsExactly("The bike has a flat tyre.");
        assertThat(memos.getMemory(GetMemoryRequest.builder().userId("u1").build())
                        .join()
                        .memoryDetailList())
                .extracting(MemoryDetail::id)
                .doesNotContain(lock.id());
        assertThatThrownBy(() -> memos.getMemoryById(lock.id()).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(MemosNotFoundException.class);
    }

    @Test
    void deleteByUserForgetsOnlyThatUser() {
        LocalMemos memos = memos();
        add(memos, "u1", "c1", Message.user("I prefer tea over coffee."));
        add(memos, "u2", "c1", Message.user("I prefer coffee over tea."));

        memos.deleteMemory(DeleteMemoryRequest.byUser("u1")).join();

        SearchMemoryResponse u1 = memos.searchMemory(
                        SearchMemoryRequest.builder().userId("u1").query("tea").build())
                .join();
        assertThat(u1.memories()).isEmpty();
        assertThat(u1.preferences()).isEmpty();
        assertThat(memos.getMessage(GetMessageRequest.builder()
                                .userId("u1")
                                .conversationId("c1")
                                .build())
                        .join()
                        .messages())
                .isEmpty();
        assertThat(search(memos, "u2", "tea")).containsExactly("I prefer coffee over tea.");
    }

    @Test
    void deleteByFilterAndMemoryType() {
        LocalMemos memos = memos();
        memos.addMessage(AddMessageRequest.builder()
                        .userId("u1")
                        .conversationId("c1")
                        .info(Map.of("scene", "kitchen"))
                        .addMessage(Message.user("The oven timer is broken."))
                        .build())
                .join();
        add(memos, "u1", "c1", Message.user("The garage door is stuck."));

        memos.deleteMemory(DeleteMemoryRequest.byFilter(Map.of("and", List.of(Map.of("scene", "kitchen")))))
                .join();
        assertThat(search(memos, "u1", "oven timer garage door")).containsExactly("The garage door is stuck.");

        memos.deleteMemory(DeleteMemoryRequest.byUser("u1").withMemoryType("LongTermMemory"))
                .join();
        assertThat(search(memos, "u1", "garage door")).hasSize(1); // fast memories are WorkingMemory
        memos.deleteMemory(DeleteMemoryRequest.byUser("u1").withMemoryType("WorkingMemory"))
                .join();
        assertThat(search(memos, "u1", "garage door")).isEmpty();
    }

    @Test
    void filtersOnInfoTagsAgentAndTime() {
        LocalMemos memos = memos();
        memos.addMessage(AddMessageRequest.builder()
                        .userId("u1")
                        .conversationId("c1")
                        .agentId("planner")
                        .info(Map.of("business_type", "home"))
                        .tags(List.of("chores"))
                        .addMessage(Message.user("Vacuum the stairs.").withChatTime("2025-12-01 09:00:00"))
                        .build())
                .join();
        memos.addMessage(AddMessageRequest.builder()
                        .userId("u1")
                        .conversationId("c1")
                        .info(Map.of("business_type", "work"))
                        .addMessage(Message.user("Vacuum the office carpet.").withChatTime("2025-12-20 09:00:00"))
                        .build())
                .join();

        assertThat(filtered(memos, Map.of("and", List.of(Map.of("business_type", "home")))))
                .containsExactly("Vacuum the stairs.");
        assertThat(filtered(memos, Map.of("and", List.of(Map.of("tags", Map.of("contains", "chores"))))))
                .containsExactly("Vacuum the stairs.");
        assertThat(filtered(memos, Map.of("and", List.of(Map.of("agent_id", "planner")))))
                .containsExactly("Vacuum the stairs.");
        assertThat(filtered(memos, Map.of("and", List.of(Map.of("create_time", Map.of("gte", "2025-12-10"))))))
                .containsExactly("Vacuum the office carpet.");
        assertThat(filtered(memos, Map.of("and", List.of(Map.of("create_time", Map.of("lte", "2025-12-01"))))))
                .containsExactly("Vacuum the stairs.");
        assertThat(filtered(
                        memos, Map.of("or", List.of(Map.of("business_type", "home"), Map.of("business_type", "work")))))
                .hasSize(2);
        long dec10 = Instant.parse("2025-12-10T00:00:00Z").toEpochMilli();
        assertThat(filtered(memos, Map.of("and", List.of(Map.of("create_time", Map.of("lt", dec10))))))
                .containsExactly("Vacuum the stairs.");
    }

    private static List<String> filtered(LocalMemos memos, Map<String, Object> filter) {
        return memos
                .searchMemory(SearchMemoryRequest.builder()
                        .userId("u1")
                        .query("vacuum")
                        .filter(filter)
                        .build())
                .join()
                .memories()
                .stream()
                .map(MemoryDetail::memoryValue)
                .toList();
    }

    @Test
    void aBadFilterFailsNamingTheCondition() {
        LocalMemos memos = memos();
        assertThatThrownBy(() -> memos.searchMemory(SearchMemoryRequest.builder()
                                .userId("u1")
                                .query("x")
                                .filter(Map.of("and", List.of(Map.of("create_time", Map.of("around", "2025-12-10")))))
                                .build())
                        .join())
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("filter.and[0].create_time supports gt, gte, lt and lte");
    }

    @Test
    void paginatesPerCategoryNewestFirst() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        LocalMemos memos = track(LocalMemos.builder()
                .inMemory()
                .embedder(Embedder.none())
                .clock(clock)
                .build());
        for (int i = 1; i <= 7; i++) {
            add(memos, "u1", "c1", Message.user("Note number " + i).withChatTime("2025-11-0" + i + " 10:00:00"));
        }
        add(memos, "u1", "c1", Message.user("I prefer short answers."));

        GetMemoryResponse page1 = memos.getMemory(
                        GetMemoryRequest.builder().userId("u1").page(1).size(3).build())
                .join();
        assertThat(page1.memoryDetailList())
                .extracting(MemoryDetail::memoryValue)
                .containsExactly("I prefer short answers.", "Note number 7", "Note number 6");
        assertThat(page1.preferenceDetailList())
                .extracting(PreferenceDetail::preference)
                .containsExactly("I prefer short answers.");
        assertThat(page1.total()).isEqualTo(8);
        assertThat(page1.pages()).isEqualTo(3);
        assertThat(page1.current()).isEqualTo(1);
        assertThat(page1.size()).isEqualTo(3);
        assertThat(page1.hasNextPage()).isTrue();

        GetMemoryResponse page3 = memos.getMemory(
                        GetMemoryRequest.builder().userId("u1").page(3).size(3).build())
                .join();
        assertThat(page3.memoryDetailList())
                .extracting(MemoryDetail::memoryValue)
                .containsExactly("Note number 2", "Note number 1");
        assertThat(page3.preferenceDetailList()).isEmpty();
        assertThat(page3.hasNextPage()).isFalse();
        assertThat(page3.memoryDetailList().get(0).sources())
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .containsEntry("chat_time", "2025-11-02 10:00:00")
                        .containsEntry("role", "user")
                        .containsEntry("conversation_id", "c1"));
    }

    @Test
    void detectsExplicitPreferencesAndOnlyThose() {
        LocalMemos memos = memos();
        add(
                memos,
                "u1",
                "c1",
                Message.user(
                        "For future reminders or plans, please first list three key points, then add one short suggestion."),
                Message.assistant("Sure, I will always do that."),
                Message.user("From now on, answer in English. The weather is nice today."),
                Message.user("Please remember I like jasmine tea."),
                Message.user("Take the kids to the zoo on Saturday, please remember it."));
        add(memos, "u1", "c2", Message.user("From now on, answer in English."));

        List<PreferenceDetail> preferences = memos.getMemory(
                        GetMemoryRequest.builder().userId("u1").build())
                .join()
                .preferenceDetailList();
        assertThat(preferences)
                .extracting(PreferenceDetail::preference)
                .containsExactlyInAnyOrder(
                        "For future reminders or plans, please first list three key points, then add one short suggestion.",
                        "From now on, answer in English.",
                        "Please remember I like jasmine tea.");
        assertThat(preferences).allSatisfy(p -> assertThat(p.isExplicit()).isTrue());
    }

    @Test
    void explicitPreferencesComeBackWithARelevanceFloor() {
        LocalMemos memos = memos();
        add(memos, "u1", "c1", Message.user("I prefer answers as bullet points."));
        SearchMemoryResponse found = memos.searchMemory(SearchMemoryRequest.builder()
                        .userId("u1")
                        .query("What is the capital of France?")
                        .relativity(0.45)
                        .build())
                .join();
        assertThat(found.preferences()).singleElement().satisfies(p -> {
            assertThat(p.preference()).isEqualTo("I prefer answers as bullet points.");
            assertThat(p.relativity()).hasValueSatisfying(r -> assertThat(r).isGreaterThanOrEqualTo(0.5));
        });
        assertThat(found.preferenceNote())
                .hasValueSatisfying(note -> assertThat(note).isNotEmpty());
    }

    @Test
    void taskStatusIsCompletedAtOnceWithoutAFineStage() {
        LocalMemos memos = memos();
        TaskReceipt receipt = add(memos, "u1", "c1", Message.user("hello"));
        assertThat(receipt.status()).contains(TaskStatus.COMPLETED);
        assertThat(memos.getTaskStatus(receipt.taskId().orElseThrow()).join().status())
                .isEqualTo(TaskStatus.COMPLETED);
        assertThatThrownBy(() -> memos.getTaskStatus("no-such-task").join())
                .hasCauseInstanceOf(MemosNotFoundException.class);
    }

    @Test
    void fineStageRunsInTheBackgroundAndReportsItsState() {
        CompletableFuture<ExtractMemoryResponse> gate = new CompletableFuture<>();
        MemoryExtractor extractor = (messages, time) -> gate;
        LocalMemos memos = track(LocalMemos.builder()
                .inMemory()
                .embedder(Embedder.none())
                .memoryExtractor(extractor)
                .build());

        TaskReceipt receipt = add(memos, "u1", "c1", Message.user("We moved to Lisbon last spring."));
        String taskId = receipt.taskId().orElseThrow();
        assertThat(receipt.status()).contains(TaskStatus.RUNNING);
        assertThat(memos.getTaskStatus(taskId).join().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(search(memos, "u1", "Lisbon")).containsExactly("We moved to Lisbon last spring."); // fast

        gate.complete(MemoryExtractor.ruleBased()
                .extract(List.of(Message.user("The user lives in Lisbon.")), Instant.now())
                .join());
        assertThat(memos.awaitTask(taskId, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(10))
                        .join()
                        .status())
                .isEqualTo(TaskStatus.COMPLETED);
        assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                .userId("u1")
                                .query("Lisbon")
                                .build())
                        .join()
                        .memories())
                .anySatisfy(m -> assertThat(m.tags()).contains("mode:fine"));
    }

    @Test
    void syncModeWaitsForTheFineStageAndFailuresAreReported() {
        MemoryExtractor failing =
                (messages, time) -> CompletableFuture.failedFuture(new IllegalStateException("model down"));
        LocalMemos memos = track(LocalMemos.builder()
                .inMemory()
                .embedder(Embedder.none())
                .memoryExtractor(failing)
                .build());
        TaskReceipt receipt = memos.addMessage(AddMessageRequest.builder()
                        .userId("u1")
                        .conversationId("c1")
                        .addMessage(Message.user("hello"))
                        .asyncMode(false)
                        .build())
                .join();
        assertThat(receipt.status()).contains(TaskStatus.FAILED);
        assertThat(memos.getTaskStatus(receipt.taskId().orElseThrow()).join().status())
                .isEqualTo(TaskStatus.FAILED);
    }

    @Test
    void isolatesUsersAndAgents() {
        LocalMemos memos = memos();
        add(memos, "alice", "c1", Message.user("My locker code is 1234."));
        memos.addMessage(AddMessageRequest.builder()
                        .agentId("bot")
                        .conversationId("c9")
                        .addMessage(Message.user("The locker room closes at 10 pm."))
                        .build())
                .join();
        assertThat(search(memos, "bob", "locker code")).isEmpty();
        assertThat(memos.searchMemory(SearchMemoryRequest.builder()
                                .agentId("bot")
                                .query("locker")
                                .build())
                        .join()
                        .memories())
                .extracting(MemoryDetail::memoryValue)
                .containsExactly("The locker room closes at 10 pm.");
    }

    @Test
    void updateChangesTextTitleAndStatus() {
        LocalMemos memos = memos();
        add(memos, "u1", "c1", Message.user("The car is due for service in May."));
        String id = memos.getMemory(GetMemoryRequest.builder().userId("u1").build())
                .join()
                .memoryDetailList()
                .get(0)
                .id();

        memos.updateMemory(UpdateMemoryRequest.builder()
                        .memoryId(id)
                        .content("The car is due for service in June.")
                        .title("car service")
                        .build())
                .join();
        MemoryDetail updated = memos.getMemoryById(id).join();
        assertThat(updated.memoryValue()).isEqualTo("The car is due for service in June.");
        assertThat(updated.memoryKey()).contains("car service");
        assertThat(search(memos, "u1", "service June")).containsExactly("The car is due for service in June.");

        memos.updateMemory(UpdateMemoryRequest.builder()
                        .memoryId(id)
                        .status("archived")
                        .build())
                .join();
        assertThat(search(memos, "u1", "car service")).isEmpty();
        assertThat(memos.getMemoryById(id).join().status()).contains("archived");
        assertThatThrownBy(() -> memos.updateMemory(UpdateMemoryRequest.builder()
                                .memoryId("missing")
                                .title("x")
                                .build())
                        .join())
                .hasCauseInstanceOf(MemosNotFoundException.class);
    }

    @Test
    void feedbackIsSearchableAndAppliesKeywordCorrections() {
        LocalMemos memos = memos();
        add(memos, "u1", "c1", Message.user("My daughter's school is Greenfield Primary."));
        TaskReceipt receipt = memos.addFeedback(AddFeedbackRequest.builder()
                        .userId("u1")
                        .feedbackContent("Replace Greenfield with Oakwood")
                        .build())
                .join();
        assertThat(receipt.status()).contains(TaskStatus.COMPLETED);
        assertThat(search(memos, "u1", "daughter school")).contains("My daughter's school is Oakwood Primary.");
        assertThat(memos.getTaskStatus(receipt.taskId().orElseThrow()).join().memoryViews())
                .hasValueSatisfying(v -> assertThat(v).containsEntry("updated", 1));
    }

    @Test
    void aMegabyteOfFeedbackIsStoredQuicklyAndCorrectsNothing() {
        LocalMemos memos = memos();
        add(memos, "u1", "c1", Message.user("I drink a cup of tea with breakfast."));
        // Backtracking over this phrase took seconds for 56 KB; a megabyte would hold an engine thread for hours.
        String feedback = "replace " + "a with ".repeat(1024 * 1024 / 7);

        TaskReceipt receipt = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30),
                () -> memos.addFeedback(AddFeedbackRequest.builder()
                                .userId("u1")
                                .feedbackContent(feedback)
                                .build())
                        .join());

        assertThat(receipt.status()).contains(TaskStatus.COMPLETED);
        assertThat(memos.getTaskStatus(receipt.taskId().orElseThrow()).join().memoryViews())
                .hasValueSatisfying(v -> assertThat(v).doesNotContainKey("updated"));
        assertThat(search(memos, "u1", "tea breakfast")).contains("I drink a cup of tea with breakfast.");
    }

    @Test
    void getMessageReturnsTheMostRecentMessagesInOrder() {
        LocalMemos memos = memos();
        for (int i = 1; i <= 8; i++) {
            add(memos, "u1", "c1", Message.user("question " + i), Message.assistant("answer " + i));
        }
        add(memos, "u1", "other", Message.user("elsewhere"));
        List<MessageDetail> last = memos.getMessage(GetMessageRequest.builder()
                        .userId("u1")
                        .conversationId("c1")
                        .messageLimitNumber(3)
                        .build())
                .join()
                .messages();
        assertThat(last).extracting(MessageDetail::content).containsExactly("answer 7", "question 8", "answer 8");
        assertThat(last.get(1).role().value()).isEqualTo("user");
    }

    @Test
    void concurrentWritersAndReadersSeeEveryAcknowledgedWrite() throws Exception {
        LocalMemos memos = memos();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        add(
                                memos,
                                "u" + thread,
                                "c1",
                                Message.user("thread " + thread + " note " + i + " about gardening"));
                        assertThat(search(memos, "u" + thread, "note " + i + " gardening"))
                                .isNotEmpty();
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdown();
        }
        for (int t = 0; t < 8; t++) {
            GetMemoryResponse all = memos.getMemory(
                            GetMemoryRequest.builder().userId("u" + t).size(50).build())
                    .join();
            assertThat(all.total()).isEqualTo(10);
            int thread = t;
            assertThat(all.memoryDetailList())
                    .allSatisfy(m -> assertThat(m.memoryValue()).startsWith("thread " + thread + " "));
        }
    }

    @Test
    void extractAndRerankWorkOffline() {
        LocalMemos memos = memos();
        ExtractMemoryResponse extracted = memos.extractMemory(ExtractMemoryRequest.builder()
                        .addMessage(Message.user("I always take the train to work. My office is in Leeds."))
                        .build())
                .join();
        assertThat(extracted.memoryDetailList()).isNotEmpty();
        assertThat(extracted.preferenceDetailList())
                .singleElement()
                .satisfies(p -> assertThat(p.preference()).isEqualTo("I always take the train to work."));

        var reranked = memos.rerank(RerankRequest.builder()
                        .query("train to Leeds")
                        .documents(List.of("bananas are yellow", "the train to Leeds leaves at nine"))
                        .build())
                .join();
        assertThat(reranked.results().get(0).index()).isEqualTo(1);
    }

    @Test
    void endpointsWithoutLocalMeaningFailNamingTheEndpoint() {
        LocalMemos memos = memos();
        assertThatThrownBy(() -> memos.chat(dev.memos4j.client.model.ChatRequest.builder()
                                .userId("u1")
                                .conversationId("c1")
                                .query("hi")
                                .build())
                        .join())
                .hasCauseInstanceOf(MemosUnsupportedOperationException.class)
                .hasMessageContaining("chat is not supported");
        assertThatThrownBy(() -> memos.deleteProfile(dev.memos4j.client.model.DeleteProfileRequest.builder()
                                .userId("u1")
                                .profileTemplateId("t1")
                                .build())
                        .join())
                .hasCauseInstanceOf(MemosUnsupportedOperationException.class)
                .hasMessageContaining("delete/profile");
    }

    @Test
    void closedEngineRejectsCalls() {
        LocalMemos memos =
                LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
        memos.close();
        assertThatThrownBy(() -> search(memos, "u1", "anything"))
                .hasCauseInstanceOf(MemosException.class)
                .hasMessageContaining("closed");
    }
}
