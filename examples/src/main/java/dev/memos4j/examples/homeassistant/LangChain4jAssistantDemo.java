package dev.memos4j.examples.homeassistant;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.client.MemosClient;
import dev.memos4j.langchain4j.MemosChatMemoryStore;
import dev.memos4j.langchain4j.MemosContentRetriever;
import dev.memos4j.langchain4j.MemosMemoryId;
import dev.memos4j.langchain4j.MemosWriteBack;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The home assistant on LangChain4j: an AI service with {@link MemosContentRetriever} for recall and
 * {@link MemosWriteBack} for storing each turn, streaming.
 *
 * <pre>{@code
 * java -jar examples/target/langchain4j-assistant.jar --yes
 * }</pre>
 */
public final class LangChain4jAssistantDemo implements FrameworkDemo.Framework {

    /** The AI service of the demo. */
    interface HomeAssistant {
        @SystemMessage("You are a knowledgeable and considerate home life assistant. Use what you know about the"
                + " user naturally, without saying that you have memory functions.")
        TokenStream chat(@MemoryId MemosMemoryId id, @dev.langchain4j.service.UserMessage String text);
    }

    /**
     * Runs the demo on the terminal.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        FrameworkDemo.main(new LangChain4jAssistantDemo(), "langchain4j-assistant", args);
    }

    @Override
    public String name() {
        return "LangChain4j";
    }

    @Override
    public String jar() {
        return "langchain4j-assistant.jar";
    }

    @Override
    public FrameworkDemo.Assistant open(
            MemosClient memos, String userId, Map<String, String> env, boolean connected, List<String> banner) {
        StreamingChatModel model;
        if (connected) {
            String name = Optional.ofNullable(env.get("OPENAI_MODEL")).orElse("gpt-4o");
            OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder openAi = OpenAiStreamingChatModel.builder()
                    .apiKey(env.get("OPENAI_API_KEY"))
                    .modelName(name);
            Optional.ofNullable(env.get("OPENAI_BASE_URL")).ifPresent(openAi::baseUrl);
            model = openAi.build();
            banner.add("\uD83E\uDD16 Model: LangChain4j OpenAiStreamingChatModel, " + name);
        } else {
            model = new OfflineModel();
            banner.add("\uD83E\uDD16 Model: offline stand-in that echoes the memories it was given (OPENAI_API_KEY"
                    + " connects OpenAI); only your own words are stored meanwhile.");
        }
        // A terminal demo stores each turn before the next question, so that one can recall it; a server keeps
        // the default, ASYNC, and never makes the reply wait. The stand-in's echoes are not stored at all.
        MemosWriteBack writeBack = MemosWriteBack.builder(memos)
                .writeBackPolicy(connected ? WriteBackPolicy.SYNC : WriteBackPolicy.NONE)
                .build();
        HomeAssistant assistant = AiServices.builder(HomeAssistant.class)
                .streamingChatModel(model)
                .contentRetriever(MemosContentRetriever.builder(memos).build())
                // The window of the current conversation, in this process only: MemOS keeps the long-term part.
                .chatMemoryProvider(id ->
                        MessageWindowChatMemory.builder().id(id).maxMessages(10).build())
                .storeRetrievedContentInChatMemory(false)
                .registerListeners(writeBack.listeners())
                .build();
        return (conversationId, query, deltas, recalled) -> {
            CompletableFuture<String> done = new CompletableFuture<>();
            assistant
                    .chat(new MemosMemoryId(userId, conversationId), query)
                    .onRetrieved(contents -> recalled.accept(
                            contents.stream().map(c -> c.textSegment().text()).toList()))
                    .onPartialResponse(deltas::accept)
                    .onCompleteResponse(
                            response -> done.complete(response.aiMessage().text()))
                    .onError(done::completeExceptionally)
                    .start();
            try {
                return done.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        };
    }

    /** The offline stand-in: answers with the retrieved content appended to the user's message. */
    static final class OfflineModel implements StreamingChatModel {

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            List<ChatMessage> messages = request.messages();
            String user = messages.get(messages.size() - 1) instanceof UserMessage u && u.hasSingleText()
                    ? u.singleText()
                    : "";
            String answer = OfflineEcho.answer(user, MemosChatMemoryStore.DEFAULT_RETRIEVED_CONTENT_MARKER, null);
            for (String piece : answer.split("(?<= )")) {
                handler.onPartialResponse(piece);
            }
            handler.onCompleteResponse(
                    ChatResponse.builder().aiMessage(AiMessage.from(answer)).build());
        }
    }
}
