package dev.memos4j.local.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a "replace X with Y" / "change X to Y" correction at the end of a feedback text, in one pass over
 * its words. (A backtracking regex for the same phrase took quadratic time: seconds for tens of kilobytes.)
 * Only the last line counts, and only when it is at most {@link #MAX_CHARS} long: a correction is a short
 * sentence, and a longer text is kept as feedback without correcting anything.
 *
 * @param from the text to replace, without surrounding quotes
 * @param to its replacement, without surrounding quotes or a final full stop
 */
record KeywordCorrection(String from, String to) {

    /** The longest last line read for a correction. */
    static final int MAX_CHARS = 2_000;

    private static final Set<String> VERBS = Set.of("replace", "change");
    private static final Set<String> JOINERS = Set.of("with", "to", "by");
    private static final String OPENING_QUOTES = "\"“'";
    private static final String CLOSING_QUOTES = "\"”'";

    /** The correction the feedback ends with, if any. */
    static Optional<KeywordCorrection> find(String feedback) {
        String text = feedback.strip();
        String line = text.substring(text.lastIndexOf('\n') + 1);
        if (line.length() > MAX_CHARS) {
            return Optional.empty();
        }
        List<int[]> words = words(line);
        int verb = -1;
        for (int i = 0; i < words.size() && verb < 0; i++) {
            if (isVerb(line, words.get(i))) {
                verb = i;
            }
        }
        // The first joiner with words on both sides: what a lazy "verb (.+?) joiner (.+?)$" would take.
        for (int j = verb + 2; verb >= 0 && j < words.size() - 1; j++) {
            String word = text(line, words.get(j)).toLowerCase(Locale.ROOT);
            if (JOINERS.contains(word)) {
                String from = unquote(line.substring(words.get(verb + 1)[0], words.get(j - 1)[1]));
                String to = line.substring(words.get(j + 1)[0], words.get(words.size() - 1)[1]);
                to = unquote(stripEnd(to, ".!"));
                return from.isEmpty() || to.isEmpty() ? Optional.empty() : Optional.of(new KeywordCorrection(from, to));
            }
        }
        return Optional.empty();
    }

    // A verb is a whole word, or ends a token after a non-word character ("#change").
    private static boolean isVerb(String line, int[] word) {
        String token = text(line, word).toLowerCase(Locale.ROOT);
        for (String verb : VERBS) {
            if (token.equals(verb)
                    || (token.endsWith(verb)
                            && !Character.isLetterOrDigit(token.charAt(token.length() - verb.length() - 1))
                            && token.charAt(token.length() - verb.length() - 1) != '_')) {
                return true;
            }
        }
        return false;
    }

    /** Start and end of every run of non-whitespace characters. */
    private static List<int[]> words(String line) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean space = i == line.length() || Character.isWhitespace(line.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                words.add(new int[] {start, i});
                start = -1;
            }
        }
        return words;
    }

    private static String text(String line, int[] word) {
        return line.substring(word[0], word[1]);
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (!v.isEmpty() && OPENING_QUOTES.indexOf(v.charAt(0)) >= 0) {
            v = v.substring(1);
        }
        return stripEnd(v, CLOSING_QUOTES).strip();
    }

    private static String stripEnd(String value, String chars) {
        String v = value.strip();
        return !v.isEmpty() && chars.indexOf(v.charAt(v.length() - 1)) >= 0 ? v.substring(0, v.length() - 1) : v;
    }
}
