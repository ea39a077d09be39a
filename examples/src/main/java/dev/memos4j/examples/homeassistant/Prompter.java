package dev.memos4j.examples.homeassistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/** Reads the user's answers for the demos: one trimmed line per prompt, echoed when the input is piped. */
final class Prompter {

    private final Console console;
    private final BufferedReader input;
    private final boolean echoInput;

    Prompter(Console console, BufferedReader input, boolean echoInput) {
        this.console = console;
        this.input = input;
        this.echoInput = echoInput;
    }

    /** Prints the prompt and reads a trimmed line; empty at end of input. */
    Optional<String> line(String text) {
        console.print(text);
        String line;
        try {
            line = input.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input", e);
        }
        if (line == null) {
            console.println();
            return Optional.empty();
        }
        if (echoInput) {
            console.println(line);
        }
        return Optional.of(line.strip());
    }

    /** Asks until the answer is yes or no; empty at end of input. */
    Optional<Boolean> yesNo(String question) {
        while (true) {
            Optional<String> answer = line(question);
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            switch (answer.get().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> {
                    return Optional.of(true);
                }
                case "n", "no" -> {
                    return Optional.of(false);
                }
                default -> console.println("\u26A0\uFE0F  Please enter 'y' for yes or 'n' for no");
            }
        }
    }
}
