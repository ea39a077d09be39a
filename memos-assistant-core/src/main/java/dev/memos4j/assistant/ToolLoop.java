package dev.memos4j.assistant;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.ToolCall;
import dev.memos4j.assistant.llm.ToolChoice;
import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.assistant.tools.Tool;
import dev.memos4j.assistant.tools.ToolLoopOptions;
import dev.memos4j.assistant.tools.ToolResult;
import dev.memos4j.client.internal.Futures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The bounded tool loop of a chat turn: ask the model; while it asks for tool calls, run them (in
 * parallel, each with its timeout), append the calls and their results to the conversation and ask again.
 * After {@code maxSteps} rounds the model is asked once more with tools disabled. A failing, unknown or
 * slow tool never fails the turn: the model is told what went wrong, as the tool's result.
 */
final class ToolLoop {

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final ToolLoopOptions options;
    private final ChatListener listener;

    ToolLoop(List<Tool> tools, ToolLoopOptions options, ChatListener listener) {
        for (Tool tool : tools) {
            if (this.tools.put(tool.name(), tool) != null) {
                throw new IllegalArgumentException("tools must have unique names; \"" + tool.name() + "\" is repeated");
            }
        }
        this.options = options;
        this.listener = listener;
    }

    List<ToolDefinition> definitions() {
        return tools.values().stream().map(Tool::definition).toList();
    }

    /**
     * Runs the loop from the turn's first request (which already lists the tools and was already reported
     * to the listener); the result is the model's final answer.
     */
    CompletableFuture<LlmResult> run(
            ChatTurn turn, LlmRequest first, Function<LlmRequest, CompletableFuture<LlmResult>> ask) {
        return step(turn, first, ask, 0);
    }

    private CompletableFuture<LlmResult> step(
            ChatTurn turn, LlmRequest request, Function<LlmRequest, CompletableFuture<LlmResult>> ask, int round) {
        if (round > 0) {
            listener.onLlmRequest(turn, request);
        }
        return ask.apply(request).thenCompose(result -> {
            if (!result.hasToolCalls()) {
                return CompletableFuture.completedFuture(result);
            }
            if (round >= options.maxSteps()) {
                return CompletableFuture.failedFuture(new LlmException("the model still asked for tools after "
                        + options.maxSteps() + " rounds of tool calls, when told to answer without them"));
            }
            listener.onLlmResponse(turn, result);
            return runAll(turn, result.toolCalls()).thenCompose(results -> {
                LlmRequest.Builder next = request.toBuilder()
                        .addMessage(ChatMessage.assistantToolCalls(result.text(), result.toolCalls()));
                results.forEach(r -> next.addMessage(ChatMessage.tool(r.call().id(), r.content())));
                if (round + 1 >= options.maxSteps()) {
                    next.toolChoice(ToolChoice.NONE); // the last request: the model must answer now
                }
                return step(turn, next.build(), ask, round + 1);
            });
        });
    }

    private CompletableFuture<List<ToolResult>> runAll(ChatTurn turn, List<ToolCall> calls) {
        List<CompletableFuture<ToolResult>> running = new ArrayList<>(calls.size());
        for (ToolCall call : calls) {
            running.add(runOne(turn, call));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .thenApply(done -> running.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<ToolResult> runOne(ChatTurn turn, ToolCall call) {
        listener.onToolCall(turn, call);
        Tool tool = tools.get(call.name());
        CompletableFuture<String> running;
        if (tool == null) {
            running = CompletableFuture.failedFuture(new IllegalArgumentException(
                    "there is no tool named \"" + call.name() + "\"; the tools are " + tools.keySet()));
        } else {
            try {
                running = tool.call(call.arguments());
            } catch (RuntimeException e) {
                running = CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<String> original = running;
        long timeoutMillis = options.toolTimeout().toMillis();
        return running.copy().orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).handle((content, error) -> {
            ToolResult result;
            if (error == null) {
                result = new ToolResult(call, content == null ? "" : content, false);
            } else {
                Throwable cause = Futures.unwrap(error);
                if (cause instanceof TimeoutException) {
                    original.cancel(true);
                    result = new ToolResult(
                            call, "error: the tool did not answer within " + options.toolTimeout(), true);
                } else {
                    result = new ToolResult(call, "error: " + describe(cause), true);
                }
            }
            listener.onToolResult(turn, result);
            return result;
        });
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
