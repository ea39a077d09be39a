package dev.memos4j.client;

import dev.memos4j.client.model.ChatEvent;

/**
 * Receives the events of a streaming {@code chat} as they arrive. Called on the client's I/O thread:
 * return quickly and never block.
 */
@FunctionalInterface
public interface ChatEventListener {

    /**
     * One event: text, reasoning, end, or a type this version does not know.
     *
     * @param event what happened, without secrets
     */
    void onEvent(ChatEvent event);
}
