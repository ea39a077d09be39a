package dev.memos4j.assistant;

import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.RequestOptions;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The memory steps of a chat turn, as {@link MemoryAugmentedChat} runs them, for integrations that own the
 * rest of the turn (a framework's chat client, its memory hooks): the search request a turn sends, the
 * limits and threshold applied to what comes back, a search bounded by the options' timeout, and the
 * write-back of the finished exchange under a {@link WriteBackPolicy}.
 *
 * <pre>{@code
 * SearchMemoryRequest search = MemoryTurns.searchRequest(options, "user-123", "conversation-1", query);
 * PromptContext context = MemoryTurns.promptContext(
 *         options, "user-123", "conversation-1", query, Optional.of(memos.searchMemory(search).join()), now);
 * MemoryTurns.store(memos, options.writeBackPolicy(), executor,
 *         MemoryTurns.exchange("user-123", "conversation-1", query, answer));
 * }</pre>
 */
public final class MemoryTurns {

    /** The {@code chat_time} form MemOS documents: the user's wall-clock time. */
    private static final DateTimeFormatter CHAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private MemoryTurns() {}

    /**
     * The {@code search/memory} request of a turn: the query, the user, the conversation (a soft boost), the
     * options' limits, preferences and threshold.
     *
     * @param options the limits and threshold
     * @param userId the user; required
     * @param conversationId the conversation; required
     * @param query the user's text; required
     * @return the validated request
     * @throws IllegalArgumentException when an id or the query is blank, naming the field
     */
    public static SearchMemoryRequest searchRequest(
            ChatOptions options, String userId, String conversationId, String query) {
        SearchMemoryRequest.Builder search = SearchMemoryRequest.builder()
                .query(query)
                .userId(userId)
                .conversationId(conversationId)
                .memoryLimitNumber(options.memoryLimit())
                .includePreference(options.includePreferences())
                .preferenceLimitNumber(options.includePreferences() ? options.preferenceLimit() : 0);
        options.relativityThreshold().ifPresent(search::relativity);
        return search.build();
    }

    /**
     * Searches with the options' timeout: the client's own timeout is set per call, and the returned future
     * also fails with a {@link MemosTimeoutException} when a client ignores it (the call is then cancelled).
     *
     * @param memos the memory service
     * @param request the search
     * @param timeout how long the search may take
     * @return the response, or a failure with the client's exception or the timeout
     */
    public static CompletableFuture<SearchMemoryResponse> search(
            MemosClient memos, SearchMemoryRequest request, Duration timeout) {
        CompletableFuture<SearchMemoryResponse> call;
        try {
            call = memos.searchMemory(
                    request, RequestOptions.builder().timeout(timeout).build());
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<SearchMemoryResponse> original = call;
        return call.copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(response);
                    }
                    Throwable cause = Futures.unwrap(error);
                    if (cause instanceof TimeoutException) {
                        original.cancel(true);
                        cause = new MemosTimeoutException("search/memory did not answer within " + timeout, cause);
                    }
                    return CompletableFuture.<SearchMemoryResponse>failedFuture(cause);
                })
                .thenCompose(f -> f);
    }

    /**
     * What a prompt builder gets for a turn: the recalled memories and preferences at or above the options'
     * threshold, cut to its limits (the service applies both too; applying them here keeps any backend
     * honest), and the preference note when preferences are used.
     *
     * @param options the limits, threshold and whether preferences are used
     * @param userId the user
     * @param conversationId the conversation
     * @param query the user's text
     * @param response the search response; empty when the search failed or was skipped
     * @param now the current time in the user's time zone
     * @return the context
     */
    public static PromptContext promptContext(
            ChatOptions options,
            String userId,
            String conversationId,
            String query,
            Optional<SearchMemoryResponse> response,
            ZonedDateTime now) {
        if (response.isEmpty()) {
            return PromptContext.withoutMemories(query, userId, conversationId, now);
        }
        double threshold = options.relativityThreshold().orElse(0.0);
        List<MemoryDetail> memories = response.get().memories().stream()
                .filter(m -> m.relativity().orElse(1.0) >= threshold)
                .limit(options.memoryLimit())
                .toList();
        List<PreferenceDetail> preferences = options.includePreferences()
                ? response.get().preferences().stream()
                        .filter(p -> p.relativity().orElse(1.0) >= threshold)
                        .limit(options.preferenceLimit())
                        .toList()
                : List.of();
        Optional<String> note = options.includePreferences() ? response.get().preferenceNote() : Optional.empty();
        return new PromptContext(query, userId, conversationId, memories, preferences, note, now);
    }

    /**
     * The {@code add/message} request of a finished turn: exactly the user's raw text and the final answer,
     * never a system prompt or recalled memories.
     *
     * @param userId the user; required
     * @param conversationId the conversation; required
     * @param query the user's text as typed
     * @param answer the whole final answer
     * @return the validated request
     * @throws IllegalArgumentException when an id is blank, naming the field
     */
    public static AddMessageRequest exchange(String userId, String conversationId, String query, String answer) {
        return request(
                userId, conversationId, query, Optional.of(Objects.requireNonNull(answer, "answer")), Optional.empty());
    }

    /**
     * The {@code add/message} request of a finished turn said at {@code saidAt}: the user's raw text and, when
     * a model really answered, its answer, both with {@code chat_time} set to the turn's wall-clock time so
     * relative dates ("on Saturday") resolve against when they were said.
     *
     * @param userId the user; required
     * @param conversationId the conversation; required
     * @param query the user's text as typed
     * @param answer the whole final answer; empty when there was no real answer (a placeholder is never stored)
     * @param saidAt when the turn started, in the user's time zone; required
     * @return the validated request
     * @throws IllegalArgumentException when an id is blank, naming the field
     */
    public static AddMessageRequest exchange(
            String userId, String conversationId, String query, Optional<String> answer, ZonedDateTime saidAt) {
        return request(
                userId,
                conversationId,
                query,
                answer,
                Optional.of(CHAT_TIME.format(Objects.requireNonNull(saidAt, "saidAt"))));
    }

    private static AddMessageRequest request(
            String userId, String conversationId, String query, Optional<String> answer, Optional<String> chatTime) {
        Message user = Message.user(Objects.requireNonNull(query, "query"));
        AddMessageRequest.Builder request = AddMessageRequest.builder()
                .userId(userId)
                .conversationId(conversationId)
                .addMessage(chatTime.map(user::withChatTime).orElse(user));
        answer.ifPresent(text -> {
            Message assistant = Message.assistant(text);
            request.addMessage(chatTime.map(assistant::withChatTime).orElse(assistant));
        });
        return request.build();
    }

    /**
     * Sends a write-back under a policy: {@link WriteBackPolicy#ASYNC} starts it on {@code executor}, so even
     * a client that works on the calling thread adds no latency; {@link WriteBackPolicy#SYNC} sends it here;
     * {@link WriteBackPolicy#NONE} sends nothing and completes empty.
     *
     * @param memos the memory service
     * @param policy when to store
     * @param executor where asynchronous write-backs start
     * @param request the exchange
     * @return the receipt (empty under {@code NONE}), or the client's failure
     */
    public static CompletableFuture<Optional<TaskReceipt>> store(
            MemosClient memos, WriteBackPolicy policy, Executor executor, AddMessageRequest request) {
        CompletableFuture<TaskReceipt> call;
        switch (policy) {
            case NONE -> {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            case ASYNC ->
                call = CompletableFuture.supplyAsync(() -> memos.addMessage(request), executor)
                        .thenCompose(f -> f);
            default -> {
                try {
                    call = memos.addMessage(request);
                } catch (RuntimeException e) {
                    call = CompletableFuture.failedFuture(e);
                }
            }
        }
        return call.thenApply(Optional::of);
    }
}
