package dev.memos4j.examples.homeassistant;

import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.StreamListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The assistant of the use case: one {@link MemoryAugmentedChat} for one user, and the counter that
 * names conversations {@code conversation_001}, {@code conversation_002}, ...
 *
 * <p>The chat stores each exchange itself. Without a model the "answer" is a placeholder describing the
 * prompt; the chat then stores only the user's own message (see {@code LlmResult.placeholder()}).
 */
final class HomeAssistant {

    private final MemoryAugmentedChat chat;
    private final String userId;
    private final boolean streaming;
    private int conversationCounter;

    /**
     * @param chat the chat, with its listener showing each turn
     * @param streaming whether answers are streamed (with a real model): the listener then prints them
     */
    HomeAssistant(MemoryAugmentedChat chat, String userId, boolean streaming) {
        this.chat = chat;
        this.userId = userId;
        this.streaming = streaming;
    }

    /** Whether answers stream: the listener then prints them as they arrive, so nobody prints them again. */
    boolean streamsAnswers() {
        return streaming;
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
        CompletableFuture<ChatReply> turn = streaming
                ? chat.chatStream(userId, conversationId, query, StreamListener.NO_OP)
                        .reply()
                : chat.chat(userId, conversationId, query);
        ChatReply reply = await(turn);
        // A failed store is reported by the listener and must not end the session.
        reply.writeBack().handle((receipt, error) -> null).join();
        return reply;
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
