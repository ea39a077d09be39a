package dev.memos4j.assistant.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.FinishReason;
import dev.memos4j.assistant.llm.LlmInvalidResponseException;
import dev.memos4j.assistant.llm.LlmOptions;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmServiceException;
import dev.memos4j.assistant.llm.TokenUsage;
import dev.memos4j.assistant.llm.ToolCall;
import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.client.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Chat Completions JSON: request bodies with only the fields that are set (some compatible servers
 * reject {@code null}), completion and chunk parsing, and defensive error-body parsing.
 */
final class OpenAiWire {

    private OpenAiWire() {}

    static String requestBody(
            LlmRequest request, String defaultModel, boolean stream, boolean includeUsage, boolean legacyMaxTokens) {
        LlmOptions o = request.options();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", o.model().orElse(defaultModel));
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            ObjectNode node = messages.addObject();
            node.put("role", m.role());
            // An assistant message that only calls tools has no content on the wire.
            if (m.toolCalls().isEmpty() || !m.content().isEmpty()) {
                node.put("content", m.content());
            }
            m.toolCallId().ifPresent(id -> node.put("tool_call_id", id));
            if (!m.toolCalls().isEmpty()) {
                ArrayNode calls = node.putArray("tool_calls");
                for (ToolCall call : m.toolCalls()) {
                    ObjectNode c = calls.addObject();
                    c.put("id", call.id());
                    c.put("type", "function");
                    c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
                }
            }
        }
        writeTools(request, body);
        o.temperature().ifPresent(t -> body.put("temperature", t));
        o.topP().ifPresent(p -> body.put("top_p", p));
        o.maxTokens().ifPresent(n -> body.put(legacyMaxTokens ? "max_tokens" : "max_completion_tokens", n));
        if (!o.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            o.stop().forEach(stop::add);
        }
        o.seed().ifPresent(s -> body.put("seed", s));
        o.user().ifPresent(u -> body.put("user", u));
        if (stream) {
            body.put("stream", true);
            if (includeUsage) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        return Json.write(body);
    }

    private static void writeTools(LlmRequest request, ObjectNode body) {
        if (request.tools().isEmpty()) {
            return;
        }
        ArrayNode tools = body.putArray("tools");
        for (ToolDefinition tool : request.tools()) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name());
            if (!tool.description().isEmpty()) {
                function.put("description", tool.description());
            }
            function.set("parameters", Json.MAPPER.valueToTree(tool.parameters()));
        }
        request.toolChoice().ifPresent(choice -> {
            if (choice.functionName().isPresent()) {
                ObjectNode named = body.putObject("tool_choice").put("type", "function");
                named.putObject("function").put("name", choice.functionName().get());
            } else {
                body.put("tool_choice", choice.mode());
            }
        });
    }

    static LlmResult parseCompletion(String body, String requestId) {
        JsonNode root = tree(body);
        if (root == null || !root.isObject()) {
            throw new LlmInvalidResponseException("the completion is not a JSON object" + suffix(requestId));
        }
        if (root.hasNonNull("error")) {
            throw new LlmInvalidResponseException(
                    "the server answered 2xx with an error: " + errorMessage(root.get("error")) + suffix(requestId));
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new LlmInvalidResponseException("the completion has no choices" + suffix(requestId));
        }
        JsonNode choice = choices.get(0);
        JsonNode content = choice.path("message").path("content");
        String text = content.isTextual() ? content.asText() : "";
        return new LlmResult(
                text,
                finishReason(choice),
                usage(root),
                text(root, "model"),
                text(root, "id"),
                Optional.ofNullable(requestId),
                toolCalls(choice.path("message").path("tool_calls"), requestId),
                false);
    }

    /** The whole tool calls of a non-streamed message; a call without id or name is an invalid response. */
    private static List<ToolCall> toolCalls(JsonNode calls, String requestId) {
        if (!calls.isArray()) {
            return List.of();
        }
        List<ToolCall> result = new ArrayList<>();
        for (JsonNode call : calls) {
            String id = text(call, "id").orElse("");
            String name = text(call.path("function"), "name").orElse("");
            if (id.isBlank() || name.isBlank()) {
                throw new LlmInvalidResponseException(
                        "a tool call has no id or no function name: " + call + suffix(requestId));
            }
            result.add(new ToolCall(
                    id, name, text(call.path("function"), "arguments").orElse("{}")));
        }
        return result;
    }

    static Optional<FinishReason> finishReason(JsonNode choice) {
        JsonNode reason = choice.path("finish_reason");
        return reason.isTextual() && !reason.asText().isEmpty()
                ? Optional.of(FinishReason.of(reason.asText()))
                : Optional.empty();
    }

    static Optional<TokenUsage> usage(JsonNode root) {
        JsonNode usage = root.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        int prompt = usage.path("prompt_tokens").asInt(0);
        int completion = usage.path("completion_tokens").asInt(0);
        int total = usage.path("total_tokens").asInt(prompt + completion);
        return Optional.of(new TokenUsage(Math.max(0, prompt), Math.max(0, completion), Math.max(0, total)));
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The parsed body, or null when it is not JSON. */
    static JsonNode tree(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The exception for an error response: {@code {"error": {message, type, param, code}}} when the body
     * has that shape, a bare {@code {"error": "..."}} or {@code {"message": "..."}} when it has those, else
     * the raw text.
     */
    static LlmServiceException error(int status, String body, String requestId, Duration retryAfter) {
        String message = null;
        String type = null;
        String code = null;
        String param = null;
        JsonNode root = body == null || body.isBlank() ? null : tree(body);
        if (root != null && root.isObject()) {
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) {
                message = nonBlank(error.path("message"));
                type = nonBlank(error.path("type"));
                code = error.path("code").isNumber() ? error.path("code").asText() : nonBlank(error.path("code"));
                param = nonBlank(error.path("param"));
            } else if (error != null && error.isTextual()) {
                message = error.asText();
            } else {
                message = nonBlank(root.path("message"));
            }
        }
        if (message == null) {
            message = body == null || body.isBlank()
                    ? "no error body"
                    : body.strip().substring(0, Math.min(body.strip().length(), 200));
        }
        return LlmServiceException.of(status, message, type, code, param, requestId, body, retryAfter);
    }

    static String errorMessage(JsonNode error) {
        if (error.isObject()) {
            String message = nonBlank(error.path("message"));
            return message == null ? error.toString() : message;
        }
        return error.asText();
    }

    private static String nonBlank(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String suffix(String requestId) {
        return requestId == null ? "" : " [request id " + requestId + "]";
    }
}
