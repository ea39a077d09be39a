package dev.memos4j.langchain4j;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a LangChain4j chat memory id becomes a MemOS user and conversation. There is no default user: an id
 * that names none fails with a clear error, so one user's memories never reach another's answers.
 *
 * <pre>{@code
 * MemoryIdResolver.standard();                              // @MemoryId MemosMemoryId
 * MemoryIdResolver.withUser(() -> currentUser().id());      // @MemoryId String conversationId
 * }</pre>
 */
@FunctionalInterface
public interface MemoryIdResolver {

    /** The memory id LangChain4j uses when an AI service has no {@code @MemoryId} parameter. */
    String DEFAULT_MEMORY_ID = "default";

    /**
     * The user and conversation of a chat memory id.
     *
     * @param chatMemoryId the id LangChain4j passes ({@value #DEFAULT_MEMORY_ID} without {@code @MemoryId})
     * @return the MemOS ids
     * @throws IllegalArgumentException when no user can be found for the id
     */
    MemosMemoryId resolve(Object chatMemoryId);

    /**
     * Accepts {@link MemosMemoryId} ids only.
     *
     * @return the resolver
     */
    static MemoryIdResolver standard() {
        return chatMemoryId -> {
            if (chatMemoryId instanceof MemosMemoryId id) {
                return id;
            }
            throw new IllegalArgumentException("a memos user id is required: pass a MemosMemoryId as the @MemoryId,"
                    + " or configure MemoryIdResolver.withUser(...); got memory id " + chatMemoryId);
        };
    }

    /**
     * A {@link MemosMemoryId} as it is; any other id is the conversation, and the user comes from
     * {@code userIds} (e.g. the security context of the current request).
     *
     * @param userIds returns the current user's non-blank id
     * @return the resolver
     */
    static MemoryIdResolver withUser(Supplier<String> userIds) {
        Objects.requireNonNull(userIds, "userIds");
        return chatMemoryId -> {
            if (chatMemoryId instanceof MemosMemoryId id) {
                return id;
            }
            String user = userIds.get();
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("a memos user id is required: the user id supplier returned none");
            }
            return new MemosMemoryId(user, String.valueOf(chatMemoryId == null ? DEFAULT_MEMORY_ID : chatMemoryId));
        };
    }
}
