package dev.memos4j.client.internal;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments and query values with no safe characters beyond the unreserved set. */
final class PathEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoding() {}

    /** Encodes everything except {@code A-Z a-z 0-9 - . _ ~}; {@code "a/b c"} becomes {@code "a%2Fb%20c"}. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
