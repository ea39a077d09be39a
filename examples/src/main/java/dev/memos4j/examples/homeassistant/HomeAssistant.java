package dev.memos4j.examples.homeassistant;

import dev.memos4j.assistant.ChatListener;
import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.StreamListener;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The assistant of the use case: one {@link MemoryAugmentedChat} for one user, and the counter that
 * names conversations {@code conversation_001}, {@code conversation_002}, ...
 *
 * <p>With a model, the chat stores each exchange (the user's text and the answer). Without one the
 * "answer" is only a placeholder describing the prompt; storing it would fill the memory with echoes of
 * earlier memories, so then only the user's own message is stored, by this class, and reported to the
 * same listener.
 */
final class HomeAssistant {

    private final MemoryAugmentedChat chat;
    private final MemosClient memos;
    private final ChatListener listener;
    private final String userId;
    private final boolean modelConnected;
    private int conversationCounter;

    /**
     * @param chat the chat; it must store exchanges itself only when {@code modelConnected}
     * @param memos the memory client of the chat, for storing user messages when no model is connected
     * @param listener the chat's listener, told about those stores too
     */
    HomeAssistant(
            MemoryAugmentedChat chat, MemosClient memos, ChatListener listener, String userId, boolean modelConnected) {
        this.chat = chat;
        this.memos = memos;
        this.listener = listener;
        this.userId = userId;
        this.modelConnected = modelConnected;
    }

    /** Whether answers stream: the listener then prints them as they arrive, so nobody prints them again. */
    boolean streamsAnswers() {
        return modelConnected;
    }

    /** The next conversation id, e.g. {@code conversation_002}. */
    String newConversationId() {
        conversationCounter++;
        return String.format("conversation_%03d", conversationCounter);
    }

    /**
     * One turn: search memories, build the prompt, ask the model (streamed when a model is connected; the
     * listener shows the pieces), store the exchange. Waits for the store too, so its response is shown
     * before the next prompt and the next question can recall this one.
     *
     * @return the reply
     * @throws RuntimeException the turn's failure, e.g. the model's error
     */
    ChatReply chat(String query, String conversationId) {
        CompletableFuture<ChatReply> turn = modelConnected
                ? chat.chatStream(userId, conversationId, query, StreamListener.NO_OP)
                        .reply()
                : chat.chat(userId, conversationId, query);
        ChatReply reply = await(turn);
        CompletableFuture<?> stored = modelConnected ? reply.writeBack() : storeUserMessage(reply);
        // A failed store is reported by the listener and must not end the session.
        stored.handle((receipt, error) -> null).join();
        return reply;
    }

    private CompletableFuture<?> storeUserMessage(ChatReply reply) {
        AddMessageRequest request = AddMessageRequest.builder()
                .userId(userId)
                .conversationId(reply.turn().conversationId())
                .addMessage(Message.user(reply.turn().query()))
                .build();
        listener.onWriteBackRequest(reply.turn(), request);
        return memos.addMessage(request).whenComplete((receipt, error) -> {
            if (error == null) {
                listener.onWriteBackResponse(reply.turn(), receipt);
            } else {
                listener.onWriteBackFailed(reply.turn(), error instanceof CompletionException c ? c.getCause() : error);
            }
        });
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
