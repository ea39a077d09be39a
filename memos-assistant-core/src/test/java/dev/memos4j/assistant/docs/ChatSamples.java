package dev.memos4j.assistant.docs;

import dev.memos4j.assistant.ChatListener;
import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.ChatReplyStream;
import dev.memos4j.assistant.ChatTurn;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.SearchFailurePolicy;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmOptions;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.LlmServerException;
import dev.memos4j.assistant.llm.NotConnectedLlmProvider;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.assistant.openai.OpenAiLlmProvider;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The code of docs/memory-augmented-chat.md, kept compiling. */
final class ChatSamples {

    private ChatSamples() {}

    // [quick-start]
    static void quickStart() {
        MemosClient memos = MemosClient.fromEnv(); // MEMOS_API_KEY
        LlmProvider llm = OpenAiLlmProvider.fromEnv(); // OPENAI_API_KEY, OPENAI_MODEL
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm).build();

        ChatReply reply = chat.chatBlocking("user-123", "conversation-1", "What plans do I have for the weekend?");
        System.out.println(reply.answer());
    }
    // [/quick-start]

    // [offline]
    static MemoryAugmentedChat offline(MemosClient memos) {
        String key = System.getenv("OPENAI_API_KEY");
        LlmProvider llm = key == null || key.isBlank()
                ? new NotConnectedLlmProvider() // answers "[LLM not connected] ..." + what it was given
                : OpenAiLlmProvider.fromEnv();
        return MemoryAugmentedChat.builder(memos, llm).build();
    }
    // [/offline]

    // [options]
    static MemoryAugmentedChat configured(MemosClient memos, LlmProvider llm) {
        ChatOptions options = ChatOptions.builder()
                .memoryLimit(8) // memory_limit_number
                .preferenceLimit(4) // preference_limit_number
                .relativityThreshold(0.6) // fewer, surer memories (default 0.45; 0 keeps all)
                .searchTimeout(Duration.ofSeconds(3)) // then answer without memories
                .searchFailurePolicy(SearchFailurePolicy.DEGRADE)
                .writeBackPolicy(WriteBackPolicy.ASYNC)
                .llmOptions(LlmOptions.builder().temperature(0.3).maxTokens(600).build())
                .build();
        return MemoryAugmentedChat.builder(memos, llm)
                .options(options)
                .conversationIdSupplier(() -> "web-" + UUID.randomUUID())
                .build();
    }
    // [/options]

    // [supplier]
    static ChatReply withSessionConversation(MemosClient memos, LlmProvider llm) {
        MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, llm)
                .conversationIdSupplier(() -> "web-" + UUID.randomUUID())
                .build();
        return chat.chat("user-123", "What plans do I have for the weekend?")
                .join(); // conversation id from the supplier
    }
    // [/supplier]

    // [scripted]
    static ScriptedLlmProvider scripted() {
        ScriptedLlmProvider llm = ScriptedLlmProvider.builder()
                .reply("Noted: zoo on Saturday.")
                .fail(new LlmServerException(503, "overloaded", null, null, null, null, null))
                .otherwise(request -> "echo: " + request.lastUserText().orElse(""))
                .build();
        return llm;
    }
    // [/scripted]

    // [async]
    static void async(MemoryAugmentedChat chat) {
        chat.chat("user-123", "conversation-2", "Help me plan next week's housework")
                .thenAccept(reply -> {
                    System.out.println(reply.answer());
                    System.out.println("memories used: " + reply.memories().size()
                            + ", search " + reply.timings().search().toMillis() + " ms"
                            + ", llm " + reply.timings().llm().toMillis() + " ms");
                    reply.writeBack().whenComplete((receipt, error) -> {
                        if (error != null) {
                            System.err.println("not stored: " + error.getMessage());
                        }
                    });
                });
    }
    // [/async]

    // [stream]
    static String stream(MemoryAugmentedChat chat) {
        ChatReplyStream stream = chat.chatStream(
                "user-123", "conversation-3", "What plans do I have for the weekend?", System.out::print);
        // stream.cancel() at any point aborts the LLM call; a cancelled turn stores nothing.
        ChatReply reply = stream.reply().join();
        return reply.answer();
    }
    // [/stream]

    // [failures]
    static String answerOrExplain(MemoryAugmentedChat chat, String userId, String query) {
        try {
            return chat.chatBlocking(userId, "conversation-4", query).answer();
        } catch (LlmException e) { // the model failed: LlmIoException, LlmRateLimitException, ...
            return "The assistant is unavailable: " + e.getMessage();
        } catch (MemosException e) { // the memory service failed (a STRICT search), or the client was closed
            return "Memory is unavailable: " + e.getMessage();
        }
    }
    // [/failures]

    // [listener]
    static ChatListener printer() {
        return new ChatListener() {
            @Override
            public void onSearchResponse(ChatTurn turn, SearchMemoryResponse response) {
                response.memories().forEach(m -> System.out.println("recalled: " + m.text()));
            }

            @Override
            public void onPromptBuilt(ChatTurn turn, PromptContext context, List<ChatMessage> messages) {
                messages.forEach(m -> System.out.println(m.role() + ": " + m.content()));
            }

            @Override
            public void onWriteBackRequest(ChatTurn turn, AddMessageRequest request) {
                System.out.println("storing " + request.messages().size() + " messages");
            }

            @Override
            public void onSearchDegraded(ChatTurn turn, Throwable cause) {
                System.out.println("answering without memories: " + cause.getMessage());
            }
        };
    }
    // [/listener]
}
