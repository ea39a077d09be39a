package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.MessageDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.TaskReceipt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an add keeps: questions to the assistant stay messages, a repeat refreshes the memory it repeats. */
class IngestRulesTest {

    private final List<LocalMemos> opened = new ArrayList<>();
    private final AtomicLong now =
            new AtomicLong(Instant.parse("2025-12-01T08:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @AfterEach
    void closeAll() {
        opened.forEach(LocalMemos::close);
    }

    private LocalMemos memos(Embedder embedder, IngestMode mode) {
        LocalMemos memos = LocalMemos.builder()
                .inMemory()
                .embedder(embedder)
                .clock(clock)
                .ingestMode(mode)
                .build();
        opened.add(memos);
        return memos;
    }

    private LocalMemos memos() {
        return memos(Embedder.none(), IngestMode.DISTINCT_FACTS);
    }

    private static TaskReceipt add(LocalMemos memos, String user, String agent, Message... messages) {
        AddMessageRequest.Builder request =
                AddMessageRequest.builder().userId(user).conversationId("c1").messages(List.of(messages));
        if (!agent.isEmpty()) {
            request.agentId(agent);
        }
        return memos.addMessage(request.build()).join();
    }

    private static List<MemoryDetail> memories(LocalMemos memos, String user) {
        return memos.getMemory(GetMemoryRequest.builder().userId(user).build())
                .join()
                .memoryDetailList();
    }

    private static List<String> texts(LocalMemos memos, String user) {
        return memories(memos, user).stream().map(MemoryDetail::memoryValue).toList();
    }

    @Test
    void aQuestionToTheAssistantIsKeptAsAMessageButNotAsAMemory() {
        LocalMemos memos = memos();
        add(memos, "u1", "", Message.user("Take the kids to the zoo on Saturday"));
        add(memos, "u1", "", Message.user("What plans do I have for the weekend?"));
        add(memos, "u1", "", Message.user("Can you remember that I'm allergic to nuts?"));

        assertThat(texts(memos, "u1"))
                .containsExactlyInAnyOrder(
                        "Take the kids to the zoo on Saturday", "Can you remember that I'm allergic to nuts?");
        List<String> messages = memos
                .getMessage(GetMessageRequest.builder()
                        .userId("u1")
                        .conversationId("c1")
                        .build())
                .join()
                .messages()
                .stream()
                .map(MessageDetail::content)
                .toList();
        assertThat(messages).contains("What plans do I have for the weekend?");
    }

    @Test
    void aRepeatRefreshesTheMemoryInsteadOfAddingOne() {
        LocalMemos memos = memos();
        add(memos, "u1", "", Message.user("Take the kids to the zoo on Saturday."));
        long firstUpdate = memories(memos, "u1")
                .get(0)
                .updateTime()
                .orElseThrow()
                .epochMillis()
                .orElseThrow();
        now.addAndGet(60_000);

        TaskReceipt again = add(memos, "u1", "", Message.user("take the kids to the ZOO on Saturday"));

        List<MemoryDetail> memories = memories(memos, "u1");
        assertThat(memories).hasSize(1);
        MemoryDetail memory = memories.get(0);
        assertThat(memory.memoryValue()).isEqualTo("Take the kids to the zoo on Saturday.");
        assertThat(memory.updateTime().orElseThrow().epochMillis().orElseThrow())
                .isEqualTo(firstUpdate + 60_000);
        assertThat(memory.sources()).hasSize(2);
        assertThat(memory.sources().get(1)).containsEntry("content", "take the kids to the ZOO on Saturday");
        assertThat(memos.getTaskStatus(again.taskId().orElseThrow())
                        .join()
                        .memoryViews()
                        .orElseThrow())
                .containsEntry("added", 0)
                .containsEntry("updated", 1);
    }

    @Test
    void aTurnThatIsAllPreferenceIsKeptAsAPreferenceOnly() {
        LocalMemos memos = memos();
        add(memos, "u1", "", Message.user("From now on, answer in English."));
        add(memos, "u1", "", Message.user("I prefer short answers. I live in Lyon."));

        assertThat(texts(memos, "u1")).containsExactly("I prefer short answers. I live in Lyon.");
        assertThat(memos.getMemory(GetMemoryRequest.builder().userId("u1").build())
                        .join()
                        .preferenceDetailList())
                .extracting(PreferenceDetail::preference)
                .containsExactlyInAnyOrder("From now on, answer in English.", "I prefer short answers.");
    }

    @Test
    void repeatsAreFoldedWithinOneAddToo() {
        LocalMemos memos = memos();
        add(memos, "u1", "", Message.user("My wife is Xiaoyun"), Message.user("my wife is Xiaoyun!"));
        assertThat(texts(memos, "u1")).containsExactly("My wife is Xiaoyun");
    }

    @Test
    void repeatsAreMergedPerUserAndAgentOnly() {
        LocalMemos memos = memos();
        add(memos, "u1", "", Message.user("My wife is Xiaoyun"));
        add(memos, "u2", "", Message.user("My wife is Xiaoyun"));
        add(memos, "u1", "home-bot", Message.user("My wife is Xiaoyun"));
        add(memos, "u1", "", Message.user("My wife is Xiaoyun"));

        assertThat(memories(memos, "u1")).hasSize(2); // without agent, and with home-bot
        assertThat(memories(memos, "u2")).hasSize(1);
        assertThat(memories(memos, "u2").get(0).sources()).hasSize(1);
    }

    @Test
    void concurrentRepeatsOfOneUserMakeOneMemory() {
        LocalMemos memos = memos();
        List<CompletableFuture<TaskReceipt>> adds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            adds.add(memos.addMessage(AddMessageRequest.builder()
                    .userId("u1")
                    .conversationId("c" + i)
                    .addMessage(Message.user("Take the kids to the zoo on Saturday"))
                    .build()));
        }
        CompletableFuture.allOf(adds.toArray(CompletableFuture[]::new)).join();

        List<MemoryDetail> memories = memories(memos, "u1");
        assertThat(memories).hasSize(1);
        assertThat(memories.get(0).sources()).hasSize(16);
    }

    @Test
    void everyTurnModeKeepsOneMemoryPerTurn() {
        LocalMemos memos = memos(Embedder.none(), IngestMode.EVERY_TURN);
        add(memos, "u1", "", Message.user("What plans do I have for the weekend?"));
        add(memos, "u1", "", Message.user("Take the kids to the zoo on Saturday"));
        add(memos, "u1", "", Message.user("Take the kids to the zoo on Saturday"));
        assertThat(memories(memos, "u1")).hasSize(3);
    }

    @Test
    void aRewordingMergesButAnotherDayOrNumberStaysApart() {
        LocalMemos memos = memos(Embedder.defaultModel(), IngestMode.DISTINCT_FACTS);
        add(memos, "u1", "", Message.user("We adopted a cat last week"));
        add(memos, "u1", "", Message.user("Last week we adopted a cat"));
        add(memos, "u1", "", Message.user("Take the kids to the zoo on Saturday"));
        add(memos, "u1", "", Message.user("Take the kids to the zoo on Sunday"));
        add(memos, "u1", "", Message.user("thread 7 line 1"));
        add(memos, "u1", "", Message.user("thread 7 line 2"));
        add(memos, "u1", "", Message.user("thread 2 line 7"));

        assertThat(texts(memos, "u1"))
                .containsExactlyInAnyOrder(
                        "We adopted a cat last week",
                        "Take the kids to the zoo on Saturday",
                        "Take the kids to the zoo on Sunday",
                        "thread 7 line 1",
                        "thread 7 line 2",
                        "thread 2 line 7");
    }
}
