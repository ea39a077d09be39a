package dev.memos4j.benchmarks.coldstart;

/**
 * Finds a marker in a character stream as it arrives, without waiting for a line end: a prompt such as
 * the demo's question prompt is printed without one. Counts the occurrences seen so far; not thread-safe.
 */
final class MarkerWatcher {

    private final String marker;
    private final StringBuilder window = new StringBuilder();
    private int seen;

    MarkerWatcher(String marker) {
        if (marker.isEmpty()) {
            throw new IllegalArgumentException("the marker must not be empty");
        }
        this.marker = marker;
    }

    /**
     * Feeds one character.
     *
     * @return true when this character completed an occurrence of the marker
     */
    boolean feed(char c) {
        window.append(c);
        if (window.length() > marker.length()) {
            window.deleteCharAt(0);
        }
        if (window.length() == marker.length() && window.toString().equals(marker)) {
            seen++;
            window.setLength(0); // occurrences do not overlap
            return true;
        }
        return false;
    }

    /** The number of occurrences seen so far. */
    int seen() {
        return seen;
    }
}
