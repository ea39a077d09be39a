package dev.memos4j.client.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Request of {@code add/knowledgebase-file} (multipart variant): upload local files. Paths that do not
 * exist are skipped with a warning; if none remains the call fails before anything is sent.
 *
 * @param knowledgebaseId the knowledge base (required)
 * @param type the file type label
 * @param files the local files (required, at most 20)
 */
public record UploadKnowledgebaseFilesRequest(String knowledgebaseId, Optional<String> type, List<Path> files) {

    /**
     * Validates.
     *
     * @param knowledgebaseId the knowledge base (required)
     * @param type the file type label
     * @param files the local files (required, at most 20)
     */
    public UploadKnowledgebaseFilesRequest {
        Models.requireText(knowledgebaseId, "knowledgebase_id");
        type = Models.opt(type);
        files = Models.requireNonEmpty(files, "files");
        if (files.size() > 20) {
            throw new IllegalArgumentException("files must contain at most 20 files (was " + files.size() + ")");
        }
    }

    /**
     * Uploads files into a knowledge base.
     *
     * @param knowledgebaseId the knowledge base id
     * @param files the local files, 1..20
     * @return the validated request
     */
    public static UploadKnowledgebaseFilesRequest of(String knowledgebaseId, List<Path> files) {
        return new UploadKnowledgebaseFilesRequest(knowledgebaseId, Optional.empty(), files);
    }

    /**
     * This request with a file type label.
     *
     * @param type the file type label
     * @return this request with a file type label
     */
    public UploadKnowledgebaseFilesRequest withType(String type) {
        return new UploadKnowledgebaseFilesRequest(knowledgebaseId, Optional.ofNullable(type), files);
    }
}
