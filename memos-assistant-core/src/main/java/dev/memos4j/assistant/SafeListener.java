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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shields a turn from its listener: a listener that throws is logged and otherwise ignored. */
final class SafeListener implements ChatListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final ChatListener delegate;

    SafeListener(ChatListener delegate) {
        this.delegate = delegate;
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("ChatListener.{} threw; ignored", event, e);
        }
    }

    @Override
    public void onTurnStarted(ChatTurn turn) {
        guard("onTurnStarted", () -> delegate.onTurnStarted(turn));
    }

    @Override
    public void onSearchRequest(ChatTurn turn, SearchMemoryRequest request) {
        guard("onSearchRequest", () -> delegate.onSearchRequest(turn, request));
    }

    @Override
    public void onSearchResponse(ChatTurn turn, SearchMemoryResponse response) {
        guard("onSearchResponse", () -> delegate.onSearchResponse(turn, response));
    }

    @Override
    public void onSearchDegraded(ChatTurn turn, Throwable cause) {
        guard("onSearchDegraded", () -> delegate.onSearchDegraded(turn, cause));
    }

    @Override
    public void onPromptBuilt(ChatTurn turn, PromptContext context, List<ChatMessage> messages) {
        guard("onPromptBuilt", () -> delegate.onPromptBuilt(turn, context, messages));
    }

    @Override
    public void onLlmRequest(ChatTurn turn, LlmRequest request) {
        guard("onLlmRequest", () -> delegate.onLlmRequest(turn, request));
    }

    @Override
    public void onLlmDelta(ChatTurn turn, String delta) {
        guard("onLlmDelta", () -> delegate.onLlmDelta(turn, delta));
    }

    @Override
    public void onLlmResponse(ChatTurn turn, LlmResult result) {
        guard("onLlmResponse", () -> delegate.onLlmResponse(turn, result));
    }

    @Override
    public void onReply(ChatTurn turn, ChatReply reply) {
        guard("onReply", () -> delegate.onReply(turn, reply));
    }

    @Override
    public void onTurnFailed(ChatTurn turn, Throwable cause) {
        guard("onTurnFailed", () -> delegate.onTurnFailed(turn, cause));
    }

    @Override
    public void onWriteBackRequest(ChatTurn turn, AddMessageRequest request) {
        guard("onWriteBackRequest", () -> delegate.onWriteBackRequest(turn, request));
    }

    @Override
    public void onWriteBackResponse(ChatTurn turn, TaskReceipt receipt) {
        guard("onWriteBackResponse", () -> delegate.onWriteBackResponse(turn, receipt));
    }

    @Override
    public void onWriteBackFailed(ChatTurn turn, Throwable cause) {
        guard("onWriteBackFailed", () -> delegate.onWriteBackFailed(turn, cause));
    }

    @Override
    public void onToolCall(ChatTurn turn, ToolCall call) {
        guard("onToolCall", () -> delegate.onToolCall(turn, call));
    }

    @Override
    public void onToolResult(ChatTurn turn, ToolResult result) {
        guard("onToolResult", () -> delegate.onToolResult(turn, result));
    }
}
