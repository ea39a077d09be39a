package dev.memos4j.local.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small {@code multipart/form-data} parser for already size-bounded bodies: enough for browsers, curl,
 * Python {@code requests} and the JDK. Part count and header size are bounded too.
 */
final class Multipart {

    static final int MAX_PARTS = 64;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /** One part: its form field name, optional file name, content type and bytes. */
    record Part(String name, Optional<String> filename, Optional<String> contentType, byte[] content) {}

    private Multipart() {}

    /** The boundary of a {@code multipart/form-data} content type, or empty when it is not one. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        for (String param : splitParams(contentType)) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = unquote(p.substring("boundary=".length()).trim());
                if (!value.isEmpty() && value.length() <= 200) {
                    return Optional.of(value);
                }
            }
        }
        throw new ApiException(
                400, ApiException.INVALID_PARAMETER, "multipart/form-data request without a valid boundary");
    }

    /** Parses the body; a malformed body is a 400. */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] partDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed("boundary not found");
        }
        pos += delimiter.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                return parts;
            }
            pos = skipLinearWhitespace(body, pos);
            if (!startsWith(body, pos, CRLF)) {
                throw malformed("expected a line break after the boundary");
            }
            pos += CRLF.length;
            int headerEnd = startsWith(body, pos, CRLF) ? -1 : indexOf(body, HEADER_END, pos);
            if (headerEnd < 0 || headerEnd - pos > MAX_HEADER_BYTES) {
                throw malformed("part headers missing or too long");
            }
            String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int contentStart = headerEnd + HEADER_END.length;
            int contentEnd = indexOf(body, partDelimiter, contentStart);
            if (contentEnd < 0) {
                throw malformed("closing boundary not found");
            }
            if (parts.size() == MAX_PARTS) {
                throw new ApiException(
                        400, ApiException.INVALID_PARAMETER, "multipart body has more than " + MAX_PARTS + " parts");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
            pos = contentEnd + partDelimiter.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-type")) {
                contentType = value;
            } else if (header.equals("content-disposition")) {
                for (String param : splitParams(value)) {
                    int eq = param.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String key = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String raw = param.substring(eq + 1).trim();
                    if (key.equals("name")) {
                        name = unquote(raw);
                    } else if (key.equals("filename") && filename == null) {
                        filename = unquote(raw);
                    } else if (key.equals("filename*")) {
                        filename = extendedValue(raw).orElse(filename);
                    }
                }
            }
        }
        if (name == null) {
            throw malformed("part without a form field name");
        }
        return new Part(name, Optional.ofNullable(filename), Optional.ofNullable(contentType), content);
    }

    /** RFC 5987 {@code UTF-8''percent-encoded} values, as some clients send non-ASCII file names. */
    private static Optional<String> extendedValue(String raw) {
        int quote = raw.indexOf("''");
        if (quote < 0 || !raw.substring(0, quote).equalsIgnoreCase("utf-8")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(raw.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Splits on semicolons outside quoted strings. */
    private static List<String> splitParams(String value) {
        List<String> params = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                params.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        params.add(current.toString());
        return params;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static int skipLinearWhitespace(byte[] body, int pos) {
        while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
            pos++;
        }
        return pos;
    }

    private static boolean startsWith(byte[] body, int pos, byte[] prefix) {
        if (pos < 0 || pos + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] body, byte[] pattern, int from) {
        int last = body.length - pattern.length;
        outer:
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (body[i] != pattern[0]) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (body[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ApiException malformed(String why) {
        return new ApiException(400, ApiException.INVALID_PARAMETER, "malformed multipart/form-data body: " + why);
    }
}
