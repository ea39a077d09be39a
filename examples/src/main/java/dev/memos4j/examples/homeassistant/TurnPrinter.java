package dev.memos4j.examples.homeassistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.assistant.ChatListener;
import dev.memos4j.assistant.ChatTurn;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import dev.memos4j.client.model.Timestamp;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a turn as it happens: in verbose mode the {@code searchMemory} and {@code addMessage} requests
 * and responses (as JSON, with only the fields that are set), the matched memories with their time and relativity, and the full instructions sent to
 * the model; in every mode the streamed answer as its pieces arrive.
 */
final class TurnPrinter implements ChatListener {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String RULE = "-".repeat(60);

    private final Console console;
    private final boolean verbose;
    private final ZoneId zone;
    private volatile String answerLabel = "";
    private volatile boolean streaming;

    TurnPrinter(Console console, boolean verbose, ZoneId zone) {
        this.console = console;
        this.verbose = verbose;
        this.zone = zone;
    }

    /** The label printed before a streamed answer, e.g. "Assistant: ". */
    void answerLabel(String label) {
        this.answerLabel = label;
    }

    @Override
    public void onSearchRequest(ChatTurn turn, SearchMemoryRequest request) {
        if (verbose) {
            console.println("\uD83D\uDD0E searchMemory request (POST /search/memory):");
            console.println(setFields(request));
        }
    }

    @Override
    public void onSearchResponse(ChatTurn turn, SearchMemoryResponse response) {
        if (verbose) {
            console.println("\uD83D\uDD0E searchMemory response:");
            console.println(setFields(response));
        }
    }

    @Override
    public void onSearchDegraded(ChatTurn turn, Throwable cause) {
        console.println("\u26A0\uFE0F  searchMemory failed, answering without memories: " + cause.getMessage());
    }

    @Override
    public void onPromptBuilt(ChatTurn turn, PromptContext context, List<ChatMessage> messages) {
        if (!verbose) {
            return;
        }
        console.println("\uD83D\uDCDA Matched memories (" + context.memories().size() + "):");
        int n = 1;
        for (MemoryDetail memory : context.memories()) {
            String where = memory.conversationId().map(id -> " \u00B7 " + id).orElse("");
            console.println(indent("  " + n++ + ". [" + time(memory.time()) + " \u00B7 relativity "
                    + relativity(memory.relativity()) + where + "] " + memory.text()));
        }
        if (!context.preferences().isEmpty()) {
            console.println(
                    "\uD83C\uDFAF Matched preferences (" + context.preferences().size() + "):");
            n = 1;
            for (PreferenceDetail preference : context.preferences()) {
                console.println(indent("  " + n++ + ". [" + time(preference.time()) + " \u00B7 relativity "
                        + relativity(preference.relativity()) + "] " + preference.preference()));
            }
        }
        console.println("\uD83D\uDCDD Full instructions sent to the model:");
        for (ChatMessage message : messages) {
            console.println("----- " + message.role() + " -----");
            console.println(message.content());
        }
        console.println(RULE);
    }

    @Override
    public void onLlmDelta(ChatTurn turn, String delta) {
        if (!streaming) {
            streaming = true;
            console.print(answerLabel);
        }
        console.print(delta);
    }

    @Override
    public void onLlmResponse(ChatTurn turn, LlmResult result) {
        if (streaming) {
            streaming = false;
            console.println();
        }
    }

    @Override
    public void onWriteBackRequest(ChatTurn turn, AddMessageRequest request) {
        if (verbose) {
            console.println("\uD83D\uDCBE addMessage request (POST /add/message):");
            console.println(setFields(request));
        }
    }

    @Override
    public void onWriteBackResponse(ChatTurn turn, TaskReceipt receipt) {
        if (verbose) {
            console.println("\uD83D\uDCBE addMessage response:");
            console.println(setFields(receipt));
        }
    }

    @Override
    public void onWriteBackFailed(ChatTurn turn, Throwable cause) {
        console.println("\u26A0\uFE0F  addMessage failed; this exchange was not stored: " + cause.getMessage());
    }

    @Override
    public void onTurnFailed(ChatTurn turn, Throwable cause) {
        if (streaming) {
            streaming = false;
            console.println();
        }
    }

    /**
     * The JSON of a request or response without the fields that are not set: nulls, empty lists, objects
     * and strings. The wire carries them (the official clients send nulls too), but on screen they only
     * hide what the call is about.
     */
    static String setFields(Object value) {
        JsonNode tree = JSON.valueToTree(value);
        dropUnset(tree);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropUnset(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                JsonNode field = fields.next().getValue();
                dropUnset(field);
                boolean empty = field.isContainerNode()
                        ? field.isEmpty()
                        : field.isTextual() && field.asText().isEmpty();
                if (field.isNull() || empty) {
                    fields.remove();
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(TurnPrinter::dropUnset);
        }
    }

    private String time(Optional<Timestamp> timestamp) {
        return timestamp
                .flatMap(Timestamp::toInstant)
                .map(instant -> TIME.format(instant.atZone(zone)))
                .or(() -> timestamp.map(Timestamp::raw))
                .orElse("no time");
    }

    private static String relativity(Optional<Double> relativity) {
        return relativity.map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("n/a");
    }

    // Multi-line memories (a user line and an assistant line) stay inside their list item.
    private static String indent(String item) {
        return item.replace("\n", "\n     ");
    }
}
