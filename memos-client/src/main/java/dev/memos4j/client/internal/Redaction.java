package dev.memos4j.client.internal;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Keeps credentials out of logs, listener events and exceptions. */
final class Redaction {

    static final String MASK = "***";

    private Redaction() {}

    static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization")
                || n.equals("proxy-authorization")
                || n.contains("api-key")
                || n.contains("apikey")
                || n.contains("token")
                || n.contains("secret")
                || n.contains("cookie");
    }

    static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> out.put(name, isSecretHeader(name) ? List.of(MASK) : List.copyOf(values)));
        return new LinkedHashMap<>(out);
    }

    static Map<String, List<String>> headers(HttpHeaders headers) {
        return headers(headers.map());
    }

    /** Replaces every occurrence of the key in text that came from outside (a body echoing a header). */
    static String scrub(String text, String apiKey) {
        if (text == null || apiKey == null || apiKey.isEmpty()) {
            return text;
        }
        return text.replace(apiKey, MASK);
    }
}
