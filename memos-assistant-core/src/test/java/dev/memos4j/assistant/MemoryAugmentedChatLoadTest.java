package dev.memos4j.assistant;

import static dev.memos4j.testkit.MemosEndpoint.ADD_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.testkit.FakeMemosClient;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2,000 turns across 100 users at once, on fakes: every turn completes, the thread count stays flat, and no
 * user ever sees, is answered with, or stores another user's memory.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // only trips on a real hang
class MemoryAugmentedChatLoadTest {

    private static final int USERS = 100;
    private static final int TURNS = 2_000;
    private static final Pattern CODE = Pattern.compile("CODE<(\\d+)>");

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void twoThousandTurnsAcrossAHundredUsersStayIsolatedWithBoundedThreads() {
        FakeMemosClient memos = new FakeMemosClient();
        for (int u = 0; u < USERS; u++) {
            memos.remember("user-" + u, "my locker code is CODE<" + u + ">", Instant.parse("2026-11-20T10:00:00Z"));
        }
        // The model echoes its whole prompt, so any memory that reached it shows in the answer.
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .executor(pool)
                .otherwise(request -> request.messages().toString())
                .build();
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm)
                .options(ChatOptions.builder().memoryLimit(25).build())
                .writeBackExecutor(pool)
                .build();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        AtomicInteger peak = new AtomicInteger(threadsBefore);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(ManagementFactory.getThreadMXBean().getThreadCount(), Math::max),
                0,
                5,
                TimeUnit.MILLISECONDS);

        List<CompletableFuture<ChatReply>> turns = new ArrayList<>(TURNS);
        try {
            for (int i = 0; i < TURNS; i++) {
                String user = "user-" + (i % USERS);
                turns.add(chat.chat(user, "conv-" + user, "what is my locker code? turn " + i));
            }
            CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new))
                    .orTimeout(60, TimeUnit.SECONDS)
                    .join();
            CompletableFuture.allOf(
                            turns.stream().map(t -> t.join().writeBack()).toArray(CompletableFuture[]::new))
                    .orTimeout(60, TimeUnit.SECONDS)
                    .join();
        } finally {
            sampler.shutdownNow();
        }

        assertThat(peak.get() - threadsBefore).as("threads added at the peak").isLessThan(50);
        for (CompletableFuture<ChatReply> turn : turns) {
            ChatReply reply = turn.join();
            String own = reply.turn().userId().substring("user-".length());
            assertThat(codesIn(reply.answer())).containsOnly(own);
            assertThat(codesIn(reply.messages().toString())).containsOnly(own);
        }
        assertThat(memos.requests(ADD_MESSAGE)).hasSize(TURNS);
        for (AddMessageRequest add : memos.requests(ADD_MESSAGE)) {
            String own = add.userId().orElseThrow().substring("user-".length());
            assertThat(add.conversationId()).contains("conv-user-" + own);
            // the stored answer echoes the prompt: it may carry the user's own code, never another's
            assertThat(codesIn(add.messages().toString())).allMatch(own::equals);
        }
    }

    private static List<String> codesIn(String text) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }
}
