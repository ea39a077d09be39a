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
     * @param event the event, as it arrived
     */
    void onEvent(ChatEvent event);
}
