package dev.memos4j.assistant;

import java.time.Instant;
import java.util.Objects;

/**
 * Who asked what, and when: the identity of one chat turn, passed to every {@link ChatListener} event so
 * that events of concurrent turns can be told apart.
 *
 * @param userId the user
 * @param conversationId the conversation
 * @param query the user's text
 * @param startedAt when the turn started, by the facade's clock
 */
public record ChatTurn(String userId, String conversationId, String query, Instant startedAt) {

    /**
     * Validates that nothing is null.
     *
     * @param userId the user
     * @param conversationId the conversation
     * @param query the user's text
     * @param startedAt when the turn started, by the facade's clock
     */
    public ChatTurn {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
