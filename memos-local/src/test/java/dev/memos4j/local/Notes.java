package dev.memos4j.local;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;

/** Requests of the concurrency tests. */
public final class Notes {

    private Notes() {}

    /**
     * An add of one user turn, in the user's conversation {@code user + "-c"}.
     *
     * @param user the user
     * @param text the turn
     * @return the request
     */
    public static AddMessageRequest note(String user, String text) {
        return AddMessageRequest.builder()
                .userId(user)
                .conversationId(user + "-c")
                .addMessage(Message.user(text))
                .build();
    }
}
