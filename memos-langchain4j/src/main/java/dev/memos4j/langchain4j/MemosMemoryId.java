package dev.memos4j.langchain4j;

/**
 * A LangChain4j chat memory id that names the MemOS user and conversation, for {@code @MemoryId}
 * parameters of AI services.
 *
 * <pre>{@code
 * interface Assistant {
 *     String chat(@MemoryId MemosMemoryId id, @UserMessage String text);
 * }
 * assistant.chat(new MemosMemoryId("user-123", "conversation-7"), "What plans do I have for the weekend?");
 * }</pre>
 *
 * @param userId the MemOS user; required, not blank
 * @param conversationId the conversation; required, not blank
 */
public record MemosMemoryId(String userId, String conversationId) {

    /**
     * Validates both ids.
     *
     * @param userId the MemOS user; required, not blank
     * @param conversationId the conversation; required, not blank
     * @throws IllegalArgumentException when an id is null or blank, naming it
     */
    public MemosMemoryId {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required and must not be blank");
        }
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("conversationId is required and must not be blank");
        }
    }

    @Override
    public String toString() {
        // Used as a key by LangChain4j's chat memory stores: one string per user and conversation.
        return userId + "/" + conversationId;
    }
}
