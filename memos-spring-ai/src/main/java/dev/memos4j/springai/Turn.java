package dev.memos4j.springai;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.ai.chat.client.ChatClientRequest;

/**
 * Who asks what in one request: the user and conversation from the advisor parameters or the configured
 * suppliers, and the user's own text (the prompt's last user message, before anything is added to it).
 */
record Turn(String userId, String conversationId, String query) {

    /**
     * The turn of a request; empty when the request carries no user text (nothing to recall or store).
     *
     * @throws IllegalArgumentException when no user id or conversation id can be found, naming both ways
     */
    static Optional<Turn> of(ChatClientRequest request, Supplier<String> userIds, Supplier<String> conversationIds) {
        String userId = id(
                request.context(),
                MemosMemoryAdvisor.USER_ID,
                userIds,
                "userIdSupplier",
                "a memos user id is required");
        String conversationId = id(
                request.context(),
                MemosMemoryAdvisor.CONVERSATION_ID,
                conversationIds,
                "conversationIdSupplier",
                "a conversation id is required");
        String query = request.prompt().getUserMessage().getText();
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Turn(userId, conversationId, query));
    }

    private static String id(
            Map<String, Object> context, String param, Supplier<String> supplier, String supplierName, String rule) {
        Object value = context.get(param);
        String id = value != null ? value.toString() : supplier != null ? supplier.get() : null;
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(rule + ": set the advisor parameter \"" + param
                    + "\" (MemosMemoryAdvisor."
                    + (param.equals(MemosMemoryAdvisor.USER_ID) ? "USER_ID" : "CONVERSATION_ID")
                    + ") or configure MemosMemoryAdvisor.Builder." + supplierName);
        }
        return id;
    }
}
