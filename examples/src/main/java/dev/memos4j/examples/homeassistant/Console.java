package dev.memos4j.examples.homeassistant;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * The demo's output. Everything printed passes through here, so configured secrets (API keys) are masked
 * even if some response or error message happened to echo one.
 */
final class Console {

    private static final String MASK = "***";

    private final PrintStream out;
    private final List<String> secrets;

    Console(PrintStream out, List<String> secrets) {
        this.out = Objects.requireNonNull(out, "out");
        // Very short values would mask ordinary words; real keys are long.
        this.secrets = secrets.stream()
                .filter(s -> s != null && s.strip().length() >= 6)
                .map(String::strip)
                .toList();
    }

    /** Prints a line. */
    void println(String text) {
        out.println(redact(text));
        out.flush();
    }

    /** Prints an empty line. */
    void println() {
        out.println();
        out.flush();
    }

    /** Prints text without a line break, e.g. a prompt or a streamed delta. */
    void print(String text) {
        out.print(redact(text));
        out.flush();
    }

    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
