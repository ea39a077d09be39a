package dev.memos4j.client.internal;

import dev.memos4j.client.errors.MemosIoException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URLConnection;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body of files, each a part named {@code file}. File contents are streamed
 * from disk when the body is sent (and again for a retry), never held in memory.
 */
final class Multipart {

    private final String boundary = "memos4j-" + UUID.randomUUID();
    private final List<Path> files;

    Multipart(List<Path> files) {
        this.files = List.copyOf(files);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher publisher() {
        List<BodyPublisher> parts = new ArrayList<>();
        for (Path file : files) {
            String name =
                    file.getFileName() == null ? "file" : file.getFileName().toString();
            String header = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quote(name) + "\"\r\n"
                    + "Content-Type: " + mimeType(file) + "\r\n\r\n";
            parts.add(BodyPublishers.ofString(header, StandardCharsets.UTF_8));
            try {
                parts.add(BodyPublishers.ofFile(file));
            } catch (FileNotFoundException e) {
                throw new MemosIoException("file disappeared before upload: " + file, e);
            }
            parts.add(BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
        }
        parts.add(BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return BodyPublishers.concat(parts.toArray(BodyPublisher[]::new));
    }

    static String mimeType(Path file) {
        String type = null;
        try {
            type = Files.probeContentType(file);
        } catch (IOException ignored) {
            // fall back to the name below
        }
        if (type == null && file.getFileName() != null) {
            type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
        }
        return type == null ? "application/octet-stream" : type;
    }

    private static String quote(String name) {
        return name.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\r", "")
                .replace("\n", "");
    }
}
