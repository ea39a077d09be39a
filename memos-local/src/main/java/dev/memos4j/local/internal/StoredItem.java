package dev.memos4j.local.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One stored record: a memory, a preference, a raw message or a knowledge-base chunk. Kept as JSON in the
 * index; the searchable fields are derived from it, so a record can be re-indexed after an update.
 *
 * @param kind {@link #MEMORY}, {@link #PREFERENCE}, {@link #MESSAGE} or {@link #KB_CHUNK}
 * @param id a UUID
 * @param userId the user, or ""
 * @param agentId the agent, or ""
 * @param appId the app, or ""
 * @param conversationId the conversation
 * @param text the memory value, preference statement or message content
 * @param key the memory key (title)
 * @param type the memory type, preference type, message role or knowledge-base id
 * @param tags tags
 * @param info metadata given at add time
 * @param sources the messages this record came from
 * @param createTime epoch ms
 * @param updateTime epoch ms
 * @param status {@code activated} unless updated
 * @param confidence extraction confidence
 * @param speaker who said it, lower case, or ""
 * @param dateLabel the human-readable date embedded with the text, or ""
 * @param context the text with its neighbouring turns, for the second embedding and BM25 field
 * @param seq insertion order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredItem(
        @JsonProperty("kind") String kind,
        @JsonProperty("id") String id,
        @JsonProperty("user_id") String userId,
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("app_id") String appId,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("text") String text,
        @JsonProperty("key") String key,
        @JsonProperty("type") String type,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("info") Map<String, Object> info,
        @JsonProperty("sources") List<Map<String, Object>> sources,
        @JsonProperty("create_time") long createTime,
        @JsonProperty("update_time") long updateTime,
        @JsonProperty("status") String status,
        @JsonProperty("confidence") double confidence,
        @JsonProperty("speaker") String speaker,
        @JsonProperty("date_label") String dateLabel,
        @JsonProperty("context") String context,
        @JsonProperty("seq") long seq) {

    /** A memory. */
    public static final String MEMORY = "memory";
    /** A preference. */
    public static final String PREFERENCE = "preference";
    /** A raw message. */
    public static final String MESSAGE = "message";
    /** A chunk of a knowledge-base file. */
    public static final String KB_CHUNK = "kb_chunk";
    /** A knowledge base. */
    public static final String KNOWLEDGEBASE = "knowledgebase";
    /** A file of a knowledge base. */
    public static final String KB_FILE = "kb_file";
    /** The status of a live record. */
    public static final String ACTIVATED = "activated";

    /** Normalises absent values to empty ones. */
    public StoredItem {
        userId = userId == null ? "" : userId;
        agentId = agentId == null ? "" : agentId;
        appId = appId == null ? "" : appId;
        conversationId = conversationId == null ? "" : conversationId;
        text = text == null ? "" : text;
        key = key == null ? "" : key;
        type = type == null ? "" : type;
        tags = tags == null ? List.of() : List.copyOf(tags);
        info = info == null ? Map.of() : Map.copyOf(info);
        sources = sources == null ? List.of() : List.copyOf(sources);
        status = status == null ? ACTIVATED : status;
        speaker = speaker == null ? "" : speaker;
        dateLabel = dateLabel == null ? "" : dateLabel;
        context = context == null ? "" : context;
    }

    /** This record with new text, key, status and update time. */
    StoredItem withContent(String newText, String newKey, String newStatus, long newUpdateTime) {
        return copy(newText, newKey, sources, newUpdateTime, newStatus, newText.equals(text) ? context : newText);
    }

    /** This record said again: with {@code newSources} and a new update time, text and vectors unchanged. */
    StoredItem repeated(List<Map<String, Object>> newSources, long newUpdateTime) {
        return copy(text, key, newSources, newUpdateTime, status, context);
    }

    private StoredItem copy(
            String newText,
            String newKey,
            List<Map<String, Object>> newSources,
            long newUpdateTime,
            String newStatus,
            String newContext) {
        return new StoredItem(
                kind,
                id,
                userId,
                agentId,
                appId,
                conversationId,
                newText,
                newKey,
                type,
                tags,
                info,
                newSources,
                createTime,
                newUpdateTime,
                newStatus,
                confidence,
                speaker,
                dateLabel,
                newContext,
                seq);
    }

    /** The text embedded as the first vector: the date label and the text. */
    String embeddingText() {
        return dateLabel.isEmpty() ? text : "[" + dateLabel + "] " + text;
    }
}
