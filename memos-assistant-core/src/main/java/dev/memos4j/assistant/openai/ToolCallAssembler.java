package dev.memos4j.assistant.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.assistant.llm.LlmStreamException;
import dev.memos4j.assistant.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the {@code delta.tool_calls} pieces of a stream into whole calls. The first piece of a call
 * carries its {@code index}, {@code id} and function name; later pieces with the same index carry
 * fragments of the arguments to append. Some servers (Ollama) send every call of a parallel batch at
 * index 0, told apart only by a new id and name: such a piece starts a new call.
 */
final class ToolCallAssembler {

    private static final class Partial {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }

    // The calls in the order they started; per wire index, the latest call that used it.
    private final List<Partial> calls = new ArrayList<>();
    private final Map<Integer, Partial> byIndex = new TreeMap<>();

    void feed(JsonNode toolCalls) {
        if (!toolCalls.isArray()) {
            return;
        }
        for (JsonNode piece : toolCalls) {
            int index = piece.path("index").asInt(0);
            String id = OpenAiWire.text(piece, "id").filter(s -> !s.isEmpty()).orElse(null);
            JsonNode function = piece.path("function");
            String name =
                    OpenAiWire.text(function, "name").filter(s -> !s.isEmpty()).orElse(null);
            Partial call = byIndex.get(index);
            boolean startsAnother =
                    call != null && id != null && name != null && call.id != null && !call.id.equals(id);
            if (call == null || startsAnother) {
                call = new Partial();
                calls.add(call);
                byIndex.put(index, call);
            }
            if (call.id == null) {
                call.id = id;
            }
            if (call.name == null) {
                call.name = name;
            }
            OpenAiWire.text(function, "arguments").ifPresent(call.arguments::append);
        }
    }

    /** The whole calls, in the order they started; a call that never got its id or name fails the stream. */
    List<ToolCall> calls(String suffix) {
        List<ToolCall> result = new ArrayList<>(calls.size());
        for (Partial call : calls) {
            if (call.id == null || call.name == null) {
                throw new LlmStreamException("the stream sent a tool call without "
                        + (call.id == null ? "an id" : "a function name") + suffix);
            }
            result.add(new ToolCall(call.id, call.name, call.arguments.toString()));
        }
        return result;
    }
}
