package dev.memos4j.assistant;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.ToolCall;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.assistant.tools.ToolResult;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import java.util.List;

/**
 * Observes every stage of a chat turn with the real objects: the search request and response, the
 * prompt, the LLM request and result (or deltas), the write-back request and receipt, and every
 * degradation or failure. All methods do nothing by default; override the ones you need.
 *
 * <p>Events of one turn arrive in stage order, possibly on different threads; events of concurrent turns
 * interleave, and {@link ChatTurn} tells them apart. A listener that throws is logged and ignored: it
 * never breaks a turn. Keep the methods quick; they run on the turn's path.
 *
 * <pre>{@code
 * ChatListener printer = new ChatListener() {
 *     public void onPromptBuilt(ChatTurn turn, PromptContext context, List<ChatMessage> messages) {
 *         messages.forEach(m -> System.out.println(m.role() + ": " + m.content()));
 *     }
 * };
 * }</pre>
 */
public interface ChatListener {

    /** A listener that ignores everything. */
    ChatListener NO_OP = new ChatListener() {};

    /**
     * A turn started.
     *
     * @param turn the turn
     */
    default void onTurnStarted(ChatTurn turn) {}

    /**
     * The memory search is about to be sent.
     *
     * @param turn the turn
     * @param request the {@code search/memory} request
     */
    default void onSearchRequest(ChatTurn turn, SearchMemoryRequest request) {}

    /**
     * The memory search answered.
     *
     * @param turn the turn
     * @param response the {@code search/memory} response, as received
     */
    default void onSearchResponse(ChatTurn turn, SearchMemoryResponse response) {}

    /**
     * The search failed or timed out and the turn goes on without memories
     * ({@link SearchFailurePolicy#DEGRADE}).
     *
     * @param turn the turn
     * @param cause why the search failed
     */
    default void onSearchDegraded(ChatTurn turn, Throwable cause) {}

    /**
     * The prompt is built.
     *
     * @param turn the turn
     * @param context what the prompt builder was given
     * @param messages the messages that will be sent to the LLM
     */
    default void onPromptBuilt(ChatTurn turn, PromptContext context, List<ChatMessage> messages) {}

    /**
     * The LLM is about to be asked.
     *
     * @param turn the turn
     * @param request the request
     */
    default void onLlmRequest(ChatTurn turn, LlmRequest request) {}

    /**
     * A piece of a streamed answer arrived.
     *
     * @param turn the turn
     * @param delta the text
     */
    default void onLlmDelta(ChatTurn turn, String delta) {}

    /**
     * The LLM's whole answer is there.
     *
     * @param turn the turn
     * @param result the result
     */
    default void onLlmResponse(ChatTurn turn, LlmResult result) {}

    /**
     * The turn's reply is ready (the write-back may still be running).
     *
     * @param turn the turn
     * @param reply the reply
     */
    default void onReply(ChatTurn turn, ChatReply reply) {}

    /**
     * The turn failed (LLM error, strict search failure) or was cancelled; nothing is stored.
     *
     * @param turn the turn
     * @param cause why
     */
    default void onTurnFailed(ChatTurn turn, Throwable cause) {}

    /**
     * The exchange is about to be stored.
     *
     * @param turn the turn
     * @param request the {@code add/message} request: the raw user text and the final answer only
     */
    default void onWriteBackRequest(ChatTurn turn, AddMessageRequest request) {}

    /**
     * The exchange was stored.
     *
     * @param turn the turn
     * @param receipt the service's receipt
     */
    default void onWriteBackResponse(ChatTurn turn, TaskReceipt receipt) {}

    /**
     * Storing the exchange failed. The reply was not affected.
     *
     * @param turn the turn
     * @param cause why
     */
    default void onWriteBackFailed(ChatTurn turn, Throwable cause) {}

    /**
     * The model asked for a tool call, which is about to run (tool loop only). Every step of the loop is
     * reported: {@link #onLlmRequest} and {@link #onLlmResponse} for each model call, this and
     * {@link #onToolResult} for each tool call.
     *
     * @param turn the turn
     * @param call the call, with its arguments as the model wrote them
     */
    default void onToolCall(ChatTurn turn, ToolCall call) {}

    /**
     * A tool call finished; its result (or the error the model is told) goes back to the model.
     *
     * @param turn the turn
     * @param result the result
     */
    default void onToolResult(ChatTurn turn, ToolResult result) {}
}
