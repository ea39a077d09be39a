package dev.memos4j.benchmarks.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One LoCoMo conversation: sessions of dialogue turns with their dates, and questions with the turns
 * that hold their answer. Annotations (observations, summaries, events) are not read.
 *
 * @param name the file name without extension
 * @param sessions the sessions in order
 * @param questions the questions of categories 1-4 that have evidence
 */
public record LocomoConversation(String name, List<Session> sessions, List<Question> questions) {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    /** A session: its number, its date as written ("1:56 pm on 8 May, 2023") and its turns. */
    public record Session(int number, String dateTime, List<Turn> turns) {}

    /** A turn: who spoke, its id ({@code D3:7}) and the text (with the image caption, if any). */
    public record Turn(String speaker, String diaId, String text) {}

    /** A question, its category (1 single-hop, 2 multi-hop, 3 temporal, 4 open-domain) and evidence turn ids. */
    public record Question(String question, int category, Set<String> evidence) {}

    /**
     * The {@code add/message} requests that ingest this conversation for one user: one per session, each
     * turn a user message "Speaker: text" with the session date as its {@code chat_time}.
     *
     * @param requests the requests, in session order
     * @param turnIds the LoCoMo turn id of each message, by "session_N/index"
     * @param turns how many turns the requests hold
     */
    public record Ingest(List<AddMessageRequest> requests, Map<String, String> turnIds, int turns) {}

    /** The requests that ingest this conversation as {@code user}. */
    public Ingest ingest(String user) {
        List<AddMessageRequest> requests = new ArrayList<>();
        Map<String, String> turnIds = new HashMap<>();
        int turns = 0;
        for (Session session : sessions) {
            String conversationId = "session_" + session.number();
            AddMessageRequest.Builder add =
                    AddMessageRequest.builder().userId(user).conversationId(conversationId);
            List<Turn> sessionTurns = session.turns();
            for (int i = 0; i < sessionTurns.size(); i++) {
                Turn turn = sessionTurns.get(i);
                Message message = Message.of(Role.USER, turn.speaker() + ": " + turn.text());
                add.addMessage(session.dateTime().isEmpty() ? message : message.withChatTime(session.dateTime()));
                turnIds.put(conversationId + "/" + i, turn.diaId());
            }
            if (!sessionTurns.isEmpty()) {
                requests.add(add.build());
                turns += sessionTurns.size();
            }
        }
        return new Ingest(requests, turnIds, turns);
    }

    /**
     * The LoCoMo turn a memory came from, through its source (conversation and message index).
     *
     * @param sources the memory's sources
     * @param turnIds the turn ids of {@link Ingest#turnIds()}
     * @return the turn id, or "?" when the sources name no ingested turn
     */
    public static String sourceTurn(List<Map<String, Object>> sources, Map<String, String> turnIds) {
        for (Map<String, Object> source : sources) {
            Object conversation = source.get("conversation_id");
            Object index = source.get("message_index");
            if (conversation != null && index != null) {
                return turnIds.getOrDefault(conversation + "/" + index, "?");
            }
        }
        return "?";
    }

    /** Reads a conversation file, or every {@code .json} file of a directory (sorted by name). */
    public static List<LocomoConversation> load(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<LocomoConversation> conversations = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            conversations.add(parse(name, JSON.readTree(file.toFile())));
        }
        return conversations;
    }

    /** Parses one conversation object. */
    public static LocomoConversation parse(String name, JsonNode root) {
        JsonNode conversation = root.has("conversation") ? root.get("conversation") : root;
        Map<Integer, Session> sessions = new TreeMap<>();
        for (Iterator<String> keys = conversation.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.matches("session_\\d+")) {
                continue; // date keys without a session, observations, summaries
            }
            int number = Integer.parseInt(key.substring("session_".length()));
            List<Turn> turns = new ArrayList<>();
            for (JsonNode turn : conversation.get(key)) {
                String text = turn.path("text").asText("");
                if (turn.hasNonNull("blip_caption")) {
                    text = text + " [shares an image: "
                            + turn.get("blip_caption").asText() + "]";
                }
                turns.add(new Turn(
                        turn.path("speaker").asText(""), turn.path("dia_id").asText(""), text));
            }
            String date = conversation.path(key + "_date_time").asText("");
            sessions.put(number, new Session(number, date, turns));
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode qa : root.path("qa")) {
            int category = qa.path("category").asInt(0);
            if (category < 1 || category > 4) {
                continue; // category 5 is adversarial: no evidence in the dialogue
            }
            Set<String> evidence = new LinkedHashSet<>();
            for (JsonNode id : qa.path("evidence")) {
                for (String part : id.asText("").split("[;,\\s]+")) {
                    if (part.matches("D\\d+:\\d+")) {
                        evidence.add(part);
                    }
                }
            }
            if (!evidence.isEmpty()) {
                questions.add(new Question(qa.path("question").asText(), category, evidence));
            }
        }
        List<Session> ordered = new ArrayList<>(sessions.values());
        ordered.sort(Comparator.comparingInt(Session::number));
        return new LocomoConversation(name, ordered, questions);
    }
}
