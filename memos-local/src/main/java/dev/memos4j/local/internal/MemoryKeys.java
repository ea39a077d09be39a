package dev.memos4j.local.internal;

/** Short titles ({@code memory_key}) for memory texts. */
final class MemoryKeys {

    private static final int MAX_KEY_CHARS = 60;

    private MemoryKeys() {}

    /** The first line of {@code text}, cut at a word boundary to at most 60 characters. */
    static String keyOf(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        if (line.length() <= MAX_KEY_CHARS) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_KEY_CHARS);
        return (cut > 20 ? line.substring(0, cut) : line.substring(0, MAX_KEY_CHARS)) + "…";
    }
}
