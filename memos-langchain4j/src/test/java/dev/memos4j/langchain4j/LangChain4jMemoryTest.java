package dev.memos4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.MessageDetail;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LangChain4jMemoryTest {

    interface Assistant {
        String chat(@MemoryId MemosMemoryId id, @dev.langchain4j.service.UserMessage String text);
    }

    interface ConversationAssistant {
        String chat(@MemoryId String conversationId, @dev.langchain4j.service.UserMessage String text);
    }

    interface StreamingAssistant {
        TokenStream chat(@MemoryId MemosMemoryId id, @dev.langchain4j.service.UserMessage String text);
    }

    private static final String ZOO = "Take the kids to the zoo on Saturday, please remember it.";
    private static final String QUESTION = "What about the zoo on Saturday?";

    // BM25 only: no model to load; the question shares words with the memory.
    private final LocalMemos memos =
            LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
    private final EchoModels models = new EchoModels();
    private final MemosContentRetriever retriever =
            MemosContentRetriever.builder(memos).build();

    LangChain4jMemoryTest() {
        remember("alice", ZOO);
    }

    @AfterEach
    void close() {
        memos.close();
    }

    private void remember(String userId, String text) {
        memos.addMessage(AddMessageRequest.builder()
                        .userId(userId)
                        .conversationId("seed")
                        .addMessage(Message.user(text))
                        .build())
                .join();
    }

    private List<String> stored(String userId, String conversationId) {
        return memos
                .getMessage(GetMessageRequest.builder()
                        .userId(userId)
                        .conversationId(conversationId)
                        .messageLimitNumber(50)
                        .build())
                .join()
                .messages()
                .stream()
                .map(MessageDetail::content)
                .toList();
    }

    private static ChatMemory window(Object id) {
        return MessageWindowChatMemory.builder().id(id).maxMessages(10).build();
    }

    private static String lastUserText(ChatRequest request) {
        return Texts.of((UserMessage) request.messages().get(request.messages().size() - 1));
    }

    @Test
    void theRetrieverGivesAiServicesTheUsersOwnMemories() {
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(models.chat)
                .contentRetriever(retriever)
                .chatMemoryProvider(LangChain4jMemoryTest::window)
                .build();

        String alice = assistant.chat(new MemosMemoryId("alice", "c1"), QUESTION);
        String bob = assistant.chat(new MemosMemoryId("bob", "c1"), QUESTION);

        assertThat(alice).contains("zoo on Saturday, please remember it");
        assertThat(bob).doesNotContain("please remember it");
    }

    @Test
    void contentsCarryRelativityAndTimes() {
        List<Content> contents = MemosContentRetriever.builder(memos)
                .memoryIdResolver(MemoryIdResolver.withUser(() -> "alice"))
                .options(ChatOptions.builder().memoryLimit(3).build())
                .build()
                .retrieve(Query.from(QUESTION));

        assertThat(contents).isNotEmpty().allSatisfy(content -> {
            assertThat(content.metadata()).containsKey(ContentMetadata.SCORE);
            assertThat(content.textSegment().metadata().getString(MemosContentRetriever.KIND))
                    .isIn("memory", "preference");
            assertThat(Instant.parse(content.textSegment().metadata().getString(MemosContentRetriever.TIME)))
                    .isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(contents.get(0).textSegment().text()).contains("zoo on Saturday");
        assertThat((Double) contents.get(0).metadata().get(ContentMetadata.SCORE))
                .isEqualTo(contents.get(0).textSegment().metadata().getDouble(MemosContentRetriever.RELATIVITY));
    }

    @Test
    void withoutAUserTheTurnFailsBeforeAnythingIsSent() {
        ConversationAssistant assistant = AiServices.builder(ConversationAssistant.class)
                .chatModel(models.chat)
                .contentRetriever(retriever)
                .chatMemoryProvider(LangChain4jMemoryTest::window)
                .build();

        assertThatThrownBy(() -> assistant.chat("c1", QUESTION))
                .hasMessageContaining("a memos user id is required")
                .hasMessageContaining("MemosMemoryId");
        assertThat(models.requests).isEmpty();
    }

    @Test
    void theStoreKeepsOnlyNewMessagesAndNeverSystemMessagesOrRetrievedContent() {
        MemosChatMemoryStore store = MemosChatMemoryStore.builder(memos)
                .writeBackExecutor(Runnable::run)
                .build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(models.chat)
                .systemMessageProvider(id -> "You are a family assistant.")
                .contentRetriever(retriever)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder()
                        .id(id)
                        .maxMessages(10)
                        .chatMemoryStore(store)
                        .build())
                .build();
        MemosMemoryId id = new MemosMemoryId("alice", "c1");

        String first = assistant.chat(id, QUESTION);
        String second = assistant.chat(id, "And on Sunday?");
        store.flush(id).join();

        // The model saw the retrieved memory, but MemOS got the user's own words, once each, in order.
        assertThat(first).contains("please remember it");
        assertThat(stored("alice", "c1")).containsExactly(QUESTION, first, "And on Sunday?", second);
        assertThat(models.requests.get(1).messages()).hasSize(4);
    }

    @Test
    void aNewStoreLoadsTheWindowFromMemosAndStoresOnlyWhatIsNew() {
        MemosMemoryId id = new MemosMemoryId("alice", "c2");
        for (int run = 0; run < 2; run++) {
            MemosChatMemoryStore store = MemosChatMemoryStore.builder(memos)
                    .writeBackExecutor(Runnable::run)
                    .build();
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(models.chat)
                    .chatMemoryProvider(memoryId -> MessageWindowChatMemory.builder()
                            .id(memoryId)
                            .maxMessages(10)
                            .chatMemoryStore(store)
                            .build())
                    .build();
            assistant.chat(id, "Turn " + run);
            store.flush(id).join();
        }

        assertThat(stored("alice", "c2")).containsExactly("Turn 0", "Echo: Turn 0", "Turn 1", "Echo: Turn 1");
        // The second run's model saw the first run's turn, loaded from MemOS.
        assertThat(models.requests.get(1).messages()).hasSize(3);
    }

    @Test
    void writeBackStoresTheRawTurnOnceAndNothingForAFailedTurn() {
        List<CompletableFuture<Optional<TaskReceipt>>> stores = new CopyOnWriteArrayList<>();
        MemosWriteBack writeBack =
                MemosWriteBack.builder(memos).onStore(stores::add).build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(models.chat)
                .contentRetriever(retriever)
                .chatMemoryProvider(LangChain4jMemoryTest::window)
                .registerListeners(writeBack.listeners())
                .build();

        String answer = assistant.chat(new MemosMemoryId("alice", "c3"), QUESTION);
        stores.forEach(CompletableFuture::join);

        assertThat(lastUserText(models.requests.get(0))).contains("please remember it");
        assertThat(stored("alice", "c3")).containsExactly(QUESTION, answer);

        ChatModel broken = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new IllegalStateException("model down");
            }
        };
        Assistant failing = AiServices.builder(Assistant.class)
                .chatModel(broken)
                .chatMemoryProvider(LangChain4jMemoryTest::window)
                .registerListeners(writeBack.listeners())
                .build();
        assertThatThrownBy(() -> failing.chat(new MemosMemoryId("alice", "c4"), QUESTION))
                .hasMessageContaining("model down");
        assertThat(stores).hasSize(1);
        assertThat(stored("alice", "c4")).isEmpty();
    }

    @Test
    void writeBackStoresTheWholeStreamedAnswerOnce() {
        List<CompletableFuture<Optional<TaskReceipt>>> stores = new CopyOnWriteArrayList<>();
        MemosWriteBack writeBack =
                MemosWriteBack.builder(memos).onStore(stores::add).build();
        StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class)
                .streamingChatModel(models.streaming)
                .contentRetriever(retriever)
                .chatMemoryProvider(LangChain4jMemoryTest::window)
                .registerListeners(writeBack.listeners())
                .build();
        CompletableFuture<String> done = new CompletableFuture<>();
        StringBuilder pieces = new StringBuilder();

        assistant
                .chat(new MemosMemoryId("alice", "c5"), QUESTION)
                .onPartialResponse(pieces::append)
                .onCompleteResponse(
                        response -> done.complete(response.aiMessage().text()))
                .onError(done::completeExceptionally)
                .start();

        String answer = done.join();
        assertThat(pieces.toString()).isEqualTo(answer);
        assertThat(stores).hasSize(1);
        stores.get(0).join();
        assertThat(stored("alice", "c5")).containsExactly(QUESTION, answer);
    }

    @Test
    void usersNeverMixUnderConcurrency() throws Exception {
        List<String> secrets = List.of("amber", "birch", "cobalt", "dahlia");
        for (int i = 0; i < secrets.size(); i++) {
            remember("user-" + i, "My secret word is " + secrets.get(i) + ".");
        }
        List<CompletableFuture<Optional<TaskReceipt>>> stores = new CopyOnWriteArrayList<>();
        MemosWriteBack writeBack =
                MemosWriteBack.builder(memos).onStore(stores::add).build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(models.chat)
                .contentRetriever(retriever)
                .chatMemoryProvider(LangChain4jMemoryTest::window)
                .registerListeners(writeBack.listeners())
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                int user = k % secrets.size();
                answers.add(pool.submit(
                        () -> assistant.chat(new MemosMemoryId("user-" + user, "c"), "What is my secret word?")));
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
        stores.forEach(CompletableFuture::join);
        for (int i = 0; i < secrets.size(); i++) {
            String own = secrets.get(i);
            List<String> messages = stored("user-" + i, "c");
            assertThat(messages).hasSize(4);
            assertThat(secrets)
                    .filteredOn(s -> !s.equals(own))
                    .noneMatch(s -> String.join(" ", messages).contains(s));
        }
    }
}
