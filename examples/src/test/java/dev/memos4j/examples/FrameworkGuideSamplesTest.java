package dev.memos4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.langchain4j.MemoryIdResolver;
import dev.memos4j.langchain4j.MemosChatMemoryStore;
import dev.memos4j.langchain4j.MemosContentRetriever;
import dev.memos4j.langchain4j.MemosMemoryId;
import dev.memos4j.langchain4j.MemosWriteBack;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.springai.MemosMemoryAdvisor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * The code of docs/spring-ai.md and docs/langchain4j.md, kept compiling and running. Each block is the
 * guide's sample; only the memory client (the embedded engine, BM25 only) and the models (stand-ins that
 * echo the prompt's system text or the user's message) are this test's.
 */
class FrameworkGuideSamplesTest {

    private final MemosClient memosClient =
            LocalMemos.builder().inMemory().embedder(Embedder.none()).build();

    /** A Spring AI model that echoes the system text it was given. */
    private final ChatModel chatModel = new ChatModel() {
        @Override
        public ChatResponse call(org.springframework.ai.chat.prompt.Prompt prompt) {
            return new ChatResponse(List.of(new Generation(
                    new AssistantMessage(prompt.getSystemMessage().getText()))));
        }

        @Override
        public Flux<ChatResponse> stream(org.springframework.ai.chat.prompt.Prompt prompt) {
            return Flux.just(call(prompt));
        }
    };

    /** A LangChain4j model that echoes the user's message, retrieved content included. */
    private final dev.langchain4j.model.chat.ChatModel lcModel = new dev.langchain4j.model.chat.ChatModel() {
        @Override
        public dev.langchain4j.model.chat.response.ChatResponse doChat(ChatRequest request) {
            String last = request.messages().get(request.messages().size() - 1).toString();
            return dev.langchain4j.model.chat.response.ChatResponse.builder()
                    .aiMessage(AiMessage.from(last))
                    .build();
        }
    };

    FrameworkGuideSamplesTest() {
        memosClient
                .addMessage(AddMessageRequest.builder()
                        .userId("user-123")
                        .conversationId("conversation-1")
                        .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                        .build())
                .join();
    }

    @AfterEach
    void close() {
        memosClient.close();
    }

    private static String currentUserId() {
        return "user-123";
    }

    // docs/spring-ai.md, "With the starter"
    @Bean
    ChatClient chatClient(ChatClient.Builder builder, MemosMemoryAdvisor memory) {
        return builder.defaultAdvisors(memory).build();
    }

    @Test
    void springAiGuide() {
        // docs/spring-ai.md, "The smallest working setup"
        MemosMemoryAdvisor memory = MemosMemoryAdvisor.builder(memosClient).build();
        ChatClient chat = ChatClient.builder(chatModel).defaultAdvisors(memory).build();

        String answer = chat.prompt()
                .user("What plans do I have for the zoo on Saturday?")
                .advisors(a -> a.param(MemosMemoryAdvisor.USER_ID, "user-123")
                        .param(MemosMemoryAdvisor.CONVERSATION_ID, "conversation-7"))
                .call()
                .content();
        assertThat(answer).contains("zoo on Saturday");

        Flux<String> pieces = chat
                .prompt()
                .user("Arrange a weekend activity for the family?")
                .advisors(a -> a.param(MemosMemoryAdvisor.USER_ID, "user-123")
                        .param(MemosMemoryAdvisor.CONVERSATION_ID, "conversation-8"))
                .stream()
                .content();
        assertThat(pieces.collectList().block()).isNotEmpty();

        ChatClient fromBuilder = chatClient(ChatClient.builder(chatModel), memory);
        assertThat(fromBuilder).isNotNull();

        // docs/spring-ai.md, "Configuration" without Boot
        MemosMemoryAdvisor configured = MemosMemoryAdvisor.builder(memosClient)
                .options(ChatOptions.builder()
                        .memoryLimit(8)
                        .relativityThreshold(0.3)
                        .build())
                .promptBuilder(DefaultPromptBuilder.builder()
                        .instructions("You are a warm, practical family assistant.")
                        .build())
                .userIdSupplier(() -> currentUserId())
                .build();
        String personal = ChatClient.builder(chatModel)
                .defaultAdvisors(configured)
                .build()
                .prompt()
                .user("The zoo on Saturday?")
                .advisors(a -> a.param(MemosMemoryAdvisor.CONVERSATION_ID, "conversation-9"))
                .call()
                .content();
        assertThat(personal).startsWith("You are a warm, practical family assistant.");
    }

    interface Assistant {
        String chat(@MemoryId MemosMemoryId id, @UserMessage String text);
    }

    @Test
    void langChain4jGuide() {
        dev.langchain4j.model.chat.ChatModel chatModel = lcModel;

        // docs/langchain4j.md, "The smallest working setup"
        MemosWriteBack writeBack = MemosWriteBack.builder(memosClient).build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel)
                .contentRetriever(MemosContentRetriever.builder(memosClient).build())
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10))
                .registerListeners(writeBack.listeners())
                .build();

        String answer = assistant.chat(
                new MemosMemoryId("user-123", "conversation-7"), "What plans do I have for the zoo on Saturday?");
        assertThat(answer).contains("Take the kids to the zoo");

        // docs/langchain4j.md, the store
        MemosChatMemoryStore store = MemosChatMemoryStore.builder(memosClient).build();
        Assistant remembering = AiServices.builder(Assistant.class)
                .chatModel(chatModel)
                .contentRetriever(MemosContentRetriever.builder(memosClient).build())
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder()
                        .id(id)
                        .maxMessages(20)
                        .chatMemoryStore(store)
                        .build())
                .storeRetrievedContentInChatMemory(false)
                .build();
        assertThat(remembering.chat(new MemosMemoryId("user-123", "conversation-8"), "The zoo on Saturday?"))
                .contains("Take the kids to the zoo");

        // docs/langchain4j.md, "How user ids flow"
        MemosContentRetriever retriever = MemosContentRetriever.builder(memosClient)
                .memoryIdResolver(MemoryIdResolver.withUser(() -> currentUserId()))
                .options(ChatOptions.builder()
                        .memoryLimit(8)
                        .relativityThreshold(0.3)
                        .build())
                .build();
        assertThat(retriever.retrieve(dev.langchain4j.rag.query.Query.from("zoo on Saturday")))
                .isNotEmpty();
    }
}
