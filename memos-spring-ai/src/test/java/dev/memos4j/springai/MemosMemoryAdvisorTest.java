package dev.memos4j.springai;

import static dev.memos4j.testkit.MemosEndpoint.ADD_MESSAGE;
import static dev.memos4j.testkit.MemosEndpoint.SEARCH_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.SearchFailurePolicy;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.TaskStatus;
import dev.memos4j.testkit.Failures;
import dev.memos4j.testkit.FakeMemosClient;
import dev.memos4j.testkit.SearchHits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.MessageType;

class MemosMemoryAdvisorTest {

    private static final String ZOO = "Take the kids to the zoo on Saturday.";
    private static final String QUESTION = "What plans do I have for the weekend?";

    private final FakeMemosClient memos = new FakeMemosClient();
    /** What a search finds for each user, scored as the service scored it; the query does not matter. */
    private final Map<String, List<MemoryDetail>> found = new ConcurrentHashMap<>();

    private final EchoChatModel model = new EchoChatModel();

    MemosMemoryAdvisorTest() {
        // Every memory of the user, unfiltered: the advisor's own threshold and limits decide what is used.
        memos.on(SEARCH_MEMORY)
                .otherwise(request -> SearchMemoryResponse.of(
                        found.getOrDefault(request.userId().orElseThrow(), List.of()), List.of()));
        remember("alice", ZOO, 0.9);
    }

    private void remember(String userId, String text, double relativity) {
        found.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>()).add(SearchHits.memory(text, relativity));
    }

    private ChatClient client(MemosMemoryAdvisor advisor) {
        return ChatClient.builder(model).defaultAdvisors(advisor).build();
    }

    private MemosMemoryAdvisor.Builder advisor() {
        // Direct executor: the asynchronous store has happened when the call returns, so tests need no waiting.
        return MemosMemoryAdvisor.builder(memos).writeBackExecutor(Runnable::run);
    }

    /** The advisor parameters naming the user and the conversation. */
    private static Consumer<ChatClient.AdvisorSpec> ids(String userId, String conversationId) {
        return a ->
                a.param(MemosMemoryAdvisor.USER_ID, userId).param(MemosMemoryAdvisor.CONVERSATION_ID, conversationId);
    }

    private static String text(AddMessageRequest add, int index) {
        Message message = add.messages().get(index);
        return message.text();
    }

    @Test
    void callPutsMemoriesIntoThePromptAndStoresOnlyTheRawExchange() {
        String answer = client(advisor().build())
                .prompt()
                .system("You are a family assistant.")
                .user(QUESTION)
                .advisors(ids("alice", "c1"))
                .call()
                .content();

        String system = model.prompts.get(0).getSystemMessage().getText();
        assertThat(system).startsWith("You are a family assistant.").contains(ZOO);
        assertThat(model.prompts.get(0).getUserMessage().getText()).isEqualTo(QUESTION);
        assertThat(answer).contains(ZOO);
        assertThat(memos.requests(SEARCH_MEMORY)).singleElement().satisfies(s -> {
            assertThat(s.query()).isEqualTo(QUESTION);
            assertThat(s.conversationId()).contains("c1");
        });
        assertThat(memos.requests(ADD_MESSAGE)).singleElement().satisfies(add -> {
            assertThat(add.userId()).contains("alice");
            assertThat(add.conversationId()).contains("c1");
            assertThat(add.messages()).hasSize(2);
            assertThat(text(add, 0)).isEqualTo(QUESTION);
            assertThat(text(add, 1)).isEqualTo(answer);
        });
    }

    @Test
    void injectedMemoriesAreNeverStoredEvenWhenTheModelIgnoresThem() {
        ChatClient chat = ChatClient.builder((org.springframework.ai.chat.model.ChatModel)
                        prompt -> new org.springframework.ai.chat.model.ChatResponse(
                                List.of(new org.springframework.ai.chat.model.Generation(
                                        new org.springframework.ai.chat.messages.AssistantMessage("Noted.")))))
                .defaultAdvisors(advisor().build())
                .build();
        chat.prompt().user(QUESTION).advisors(ids("alice", "c1")).call().content();

        AddMessageRequest add = memos.requests(ADD_MESSAGE).get(0);
        assertThat(add.messages()).extracting(Message::text).containsExactly(QUESTION, "Noted.");
        assertThat(add.messages()).extracting(Message::text).noneMatch(t -> t.contains("zoo"));
        assertThat(add.messages()).noneMatch(m -> m.role().value().equals("system"));
    }

    @Test
    void streamStoresTheWholeAnswerOnceWhenItCompletes() {
        List<String> chunks = client(advisor().build()).prompt().user(QUESTION).advisors(ids("alice", "c2")).stream()
                .content()
                .collectList()
                .block();

        assertThat(chunks).hasSizeGreaterThan(3);
        String whole = String.join("", chunks);
        assertThat(whole).contains(ZOO);
        assertThat(memos.requests(ADD_MESSAGE)).singleElement().satisfies(add -> {
            assertThat(text(add, 0)).isEqualTo(QUESTION);
            assertThat(text(add, 1)).isEqualTo(whole);
        });
    }

    @Test
    void aCancelledStreamStoresNothing() {
        List<String> first = client(advisor().build()).prompt().user(QUESTION).advisors(ids("alice", "c3")).stream()
                .content()
                .take(2)
                .collectList()
                .block();

        assertThat(first).hasSize(2);
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
    }

    @Test
    void theReplyDoesNotWaitForTheStore() throws Exception {
        CompletableFuture<TaskReceipt> held = new CompletableFuture<>();
        CompletableFuture<AddMessageRequest> sent = new CompletableFuture<>();
        memos.on(ADD_MESSAGE).thenAnswerAsync(request -> {
            sent.complete(request);
            return held; // the store stays pending until the test releases it
        });
        MemosMemoryAdvisor advisor = MemosMemoryAdvisor.builder(memos).build();

        String answer = client(advisor)
                .prompt()
                .user(QUESTION)
                .advisors(ids("alice", "c4"))
                .call()
                .content();

        assertThat(answer).contains(ZOO);
        // The store is sent in the background (the common pool runs it) and left to finish, not cancelled.
        AddMessageRequest add = sent.get(30, TimeUnit.SECONDS);
        assertThat(text(add, 1)).isEqualTo(answer);
        assertThat(held).isNotDone();
        held.complete(TaskReceipt.of("task-1", TaskStatus.COMPLETED));
        assertThat(memos.requests(ADD_MESSAGE)).hasSize(1);
    }

    @Test
    void syncPolicyStoresBeforeTheStreamCompletes() {
        MemosMemoryAdvisor advisor = advisor()
                .options(ChatOptions.builder()
                        .writeBackPolicy(WriteBackPolicy.SYNC)
                        .build())
                .build();
        List<String> chunks = client(advisor).prompt().user(QUESTION).advisors(ids("alice", "c5")).stream()
                .content()
                .doOnComplete(() -> assertThat(memos.requests(ADD_MESSAGE)).hasSize(1))
                .collectList()
                .block();
        assertThat(memos.requests(ADD_MESSAGE).get(0).messages().get(1).text()).isEqualTo(String.join("", chunks));
    }

    @Test
    void withoutAUserIdTheCallFailsBeforeAnythingIsSent() {
        ChatClient chat = client(advisor().build());

        assertThatThrownBy(() -> chat.prompt()
                        .user(QUESTION)
                        .advisors(a -> a.param(MemosMemoryAdvisor.CONVERSATION_ID, "c1"))
                        .call()
                        .content())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user id is required")
                .hasMessageContaining(MemosMemoryAdvisor.USER_ID)
                .hasMessageContaining("userIdSupplier");
        assertThatThrownBy(() ->
                        chat
                                .prompt()
                                .user(QUESTION)
                                .advisors(a -> a.param(MemosMemoryAdvisor.USER_ID, "alice"))
                                .stream()
                                .content()
                                .blockLast())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversation id is required");
        assertThat(memos.requests(SEARCH_MEMORY)).isEmpty();
        assertThat(model.prompts).isEmpty();
    }

    @Test
    void suppliersGiveTheIdsWhenNoParameterIsSet() {
        String answer = client(advisor()
                        .userIdSupplier(() -> "alice")
                        .conversationIdSupplier(() -> "from-session")
                        .build())
                .prompt()
                .user(QUESTION)
                .call()
                .content();

        assertThat(answer).contains(ZOO);
        assertThat(memos.requests(ADD_MESSAGE).get(0).conversationId()).contains("from-session");
    }

    @Test
    void thresholdAndLimitsDecideWhatReachesThePrompt() {
        String system = systemPromptWithThresholdAndLimit(0.5, 1);

        assertThat(system).contains(ZOO).doesNotContain("Bananas").doesNotContain("Dentist");
        assertThat(memos.requests(SEARCH_MEMORY).get(0).relativity()).contains(0.5);
        assertThat(memos.requests(SEARCH_MEMORY).get(0).memoryLimitNumber()).isEqualTo(1);
    }

    @Test
    void theThresholdDropsWeakMemoriesTheStoreReturned() {
        String system = systemPromptWithThresholdAndLimit(0.5, 3);

        assertThat(system).contains(ZOO).contains("Dentist").doesNotContain("Bananas");
    }

    // Alice also has a weak (0.2) and a strong (0.8) memory beside the zoo (0.9); one turn, its system prompt.
    private String systemPromptWithThresholdAndLimit(double threshold, int limit) {
        remember("alice", "Bananas are on the shopping list.", 0.2);
        remember("alice", "Dentist on Monday.", 0.8);
        MemosMemoryAdvisor advisor = advisor()
                .options(ChatOptions.builder()
                        .relativityThreshold(threshold)
                        .memoryLimit(limit)
                        .build())
                .build();
        client(advisor)
                .prompt()
                .user(QUESTION)
                .advisors(ids("alice", "c1"))
                .call()
                .content();
        return model.prompts.get(0).getSystemMessage().getText();
    }

    @Test
    void composesWithSpringAisMessageChatMemoryAdvisor() {
        MessageWindowChatMemory window = MessageWindowChatMemory.builder().build();
        ChatClient chat = ChatClient.builder(model)
                .defaultAdvisors(
                        advisor().build(),
                        MessageChatMemoryAdvisor.builder(window).build())
                .build();
        for (String text : List.of("Hello there.", QUESTION)) {
            chat.prompt().user(text).advisors(ids("alice", "c9")).call().content();
        }

        // The second prompt has the window's history and the recalled memories, with one system message.
        var second = model.prompts.get(1);
        assertThat(second.getInstructions())
                .extracting(m -> m.getMessageType())
                .containsExactly(MessageType.SYSTEM, MessageType.USER, MessageType.ASSISTANT, MessageType.USER);
        assertThat(second.getSystemMessage().getText()).contains(ZOO);
        // Spring AI's window keeps the user's own words, not the injected memories.
        assertThat(window.get("c9"))
                .filteredOn(m -> m.getMessageType() == MessageType.USER)
                .extracting(m -> m.getText())
                .containsExactly("Hello there.", QUESTION);
        assertThat(advisor().build().getOrder()).isEqualTo(Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER);
    }

    @Test
    void usersNeverMixUnderConcurrency() throws Exception {
        List<String> secrets = List.of("amber", "birch", "cobalt", "dahlia", "emerald", "fjord", "garnet", "hazel");
        for (int i = 0; i < secrets.size(); i++) {
            remember("user-" + i, "The secret word is " + secrets.get(i) + ".", 0.9);
        }
        ChatClient chat = client(advisor().build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int k = 0; k < 48; k++) {
                int user = k % secrets.size();
                boolean stream = k % 2 == 0;
                answers.add(pool.submit(() -> {
                    var request =
                            chat.prompt().user("What is my secret word?").advisors(ids("user-" + user, "c-" + user));
                    return stream
                            ? String.join(
                                    "", request.stream().content().collectList().block())
                            : request.call().content();
                }));
            }
            for (int k = 0; k < answers.size(); k++) {
                String own = secrets.get(k % secrets.size());
                String answer = answers.get(k).get();
                assertThat(answer).contains(own);
                assertThat(secrets).filteredOn(s -> !s.equals(own)).noneMatch(answer::contains);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(memos.requests(ADD_MESSAGE)).hasSize(48);
        for (AddMessageRequest add : memos.requests(ADD_MESSAGE)) {
            int user = Integer.parseInt(add.userId().orElseThrow().substring("user-".length()));
            String stored = text(add, 1);
            assertThat(stored).contains(secrets.get(user));
            assertThat(add.conversationId()).contains("c-" + user);
            assertThat(secrets).filteredOn(s -> !s.equals(secrets.get(user))).noneMatch(stored::contains);
        }
    }

    @Test
    void aFailedSearchDegradesOrFailsAsTheOptionsSay() {
        memos.on(SEARCH_MEMORY).thenFail(Failures.status(503));
        String answer = client(advisor().build())
                .prompt()
                .user(QUESTION)
                .advisors(ids("alice", "c1"))
                .call()
                .content();
        assertThat(answer).doesNotContain(ZOO);

        ChatClient strict = client(advisor()
                .options(ChatOptions.builder()
                        .searchFailurePolicy(SearchFailurePolicy.STRICT)
                        .build())
                .build());
        assertThatThrownBy(() -> strict.prompt()
                        .user(QUESTION)
                        .advisors(ids("alice", "c1"))
                        .call()
                        .content())
                .isInstanceOf(MemosServerException.class);
        assertThat(model.prompts).hasSize(1);
    }
}
