package dev.memos4j.local.server.internal;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.internal.Futures;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.KnowledgebaseFile;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import dev.memos4j.client.model.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart variant of {@code add/knowledgebase-file}: {@code knowledgebase_id} and {@code type} in
 * the query string (form fields are accepted too), one part named {@code file} per file. The backend's
 * upload call takes local paths, so each file is written under a private temporary directory, keeping
 * its (sanitised) name, and the directory is deleted once the backend has answered. A backend that does
 * not support file uploads gets the files as the JSON variant's base64 content instead.
 */
final class KnowledgebaseUploads {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgebaseUploads.class);
    private static final int MAX_FILES = 20;
    private static final int MAX_NAME_BYTES = 200;

    private KnowledgebaseUploads() {}

    static CompletableFuture<List<UploadedFile>> serve(MemosClient backend, Call call, byte[] body, String boundary) {
        List<Multipart.Part> parts = Multipart.parse(body, boundary);
        Map<String, String> query = parseQuery(call.rawQuery());
        Map<String, String> fields = new LinkedHashMap<>();
        List<Multipart.Part> files = new ArrayList<>();
        for (Multipart.Part part : parts) {
            if (part.name().equals("file") && part.filename().isPresent()) {
                files.add(part);
            } else if (part.filename().isEmpty()) {
                fields.putIfAbsent(part.name(), new String(part.content(), StandardCharsets.UTF_8));
            }
        }
        String knowledgebaseId = query.getOrDefault("knowledgebase_id", fields.get("knowledgebase_id"));
        if (knowledgebaseId == null || knowledgebaseId.isBlank()) {
            throw ApiException.badRequest("knowledgebase_id is required");
        }
        Optional<String> type = Optional.ofNullable(query.getOrDefault("type", fields.get("type")))
                .filter(t -> !t.isBlank());
        if (files.isEmpty()) {
            throw ApiException.badRequest("file is required");
        }
        if (files.size() > MAX_FILES) {
            throw new ApiException(
                    400, 50103, "file must contain at most " + MAX_FILES + " files (was " + files.size() + ")");
        }
        Stored stored = store(files);
        CompletableFuture<List<UploadedFile>> uploaded;
        try {
            uploaded = backend.uploadKnowledgebaseFiles(
                    new UploadKnowledgebaseFilesRequest(knowledgebaseId, type, stored.files()));
        } catch (MemosUnsupportedOperationException e) {
            uploaded = CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            deleteQuietly(stored.directory());
            throw e;
        }
        // A backend that only takes inline content (the local engine) still serves form uploads: the
        // server already holds the bytes, so it resends them as the JSON variant's base64 content.
        return uploaded.exceptionallyCompose(
                        failure -> Futures.unwrap(failure) instanceof MemosUnsupportedOperationException
                                ? backend.addKnowledgebaseFiles(inline(knowledgebaseId, files))
                                : CompletableFuture.failedFuture(failure))
                .whenComplete((result, failure) -> deleteQuietly(stored.directory()));
    }

    private static AddKnowledgebaseFileRequest inline(String knowledgebaseId, List<Multipart.Part> files) {
        AddKnowledgebaseFileRequest.Builder request =
                AddKnowledgebaseFileRequest.builder().knowledgebaseId(knowledgebaseId);
        for (int i = 0; i < files.size(); i++) {
            Multipart.Part part = files.get(i);
            request.addFile(KnowledgebaseFile.ofBytes(
                    part.content(), safeFileName(part.filename().orElse(""), i)));
        }
        return request.build();
    }

    private record Stored(Path directory, List<Path> files) {}

    /** Writes file i to {@code dir/i/name}, so equal names do not collide and names stay as sent. */
    private static Stored store(List<Multipart.Part> files) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("memos4j-upload-");
            List<Path> paths = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Multipart.Part part = files.get(i);
                Path slot = Files.createDirectory(directory.resolve(String.format("%02d", i)));
                paths.add(Files.write(slot.resolve(safeFileName(part.filename().orElse(""), i)), part.content()));
            }
            return new Stored(directory, List.copyOf(paths));
        } catch (IOException e) {
            if (directory != null) {
                deleteQuietly(directory);
            }
            throw new UncheckedIOException("could not store the uploaded files", e);
        }
    }

    /** Keeps only the last path segment and drops characters no file system accepts. */
    static String safeFileName(String sent, int index) {
        String name = sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7f && ":*?\"<>|".indexOf(c) < 0)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            return "file-" + (index + 1);
        }
        return lastBytes(result, MAX_NAME_BYTES);
    }

    // File systems limit a name to 255 bytes, not characters: keep the end (with the extension) within that.
    private static String lastBytes(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        int start = name.length();
        int bytes = 0;
        while (start > 0) {
            int cp = name.codePointBefore(start);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            start -= Character.charCount(cp);
        }
        return name.substring(start);
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, ApiException.INVALID_PARAMETER, "malformed query string");
            }
        }
        return params;
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete temporary upload directory {}: {}", directory, e.toString());
        }
    }
}
