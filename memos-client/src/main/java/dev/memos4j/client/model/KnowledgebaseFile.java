package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Base64;
import java.util.Optional;

/**
 * A file for {@code add/knowledgebase-file}: an https URL or base64-encoded content, with an optional
 * name. Supported types: PDF, DOCX, DOC, TXT, JSON, MD, XML; at most 100 MB each.
 *
 * @param content an https URL or base64 content (required)
 * @param name the file name
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record KnowledgebaseFile(
        @JsonProperty("content") String content,
        @JsonProperty("name") Optional<String> name) {

    /**
     * Validates: content is required.
     *
     * @param content an https URL or base64 content (required)
     * @param name the file name
     */
    public KnowledgebaseFile {
        Models.requireText(content, "file[].content");
        name = Models.opt(name);
    }

    /**
     * A file the service downloads from a URL.
     *
     * @param url where the service fetches the file
     * @param name the file name, or null
     * @return a file the service downloads from a URL
     */
    public static KnowledgebaseFile ofUrl(String url, String name) {
        return new KnowledgebaseFile(url, Optional.ofNullable(name));
    }

    /**
     * A file sent inline, base64-encoded.
     *
     * @param bytes the file content
     * @param name the file name, or null
     * @return a file sent inline, base64-encoded
     */
    public static KnowledgebaseFile ofBytes(byte[] bytes, String name) {
        return new KnowledgebaseFile(Base64.getEncoder().encodeToString(bytes), Optional.ofNullable(name));
    }
}
