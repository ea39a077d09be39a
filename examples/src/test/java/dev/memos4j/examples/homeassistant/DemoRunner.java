package dev.memos4j.examples.homeassistant;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the demo in-process with piped input and captures what it prints. */
final class DemoRunner {

    record Result(int status, String output) {

        /** The output from the first occurrence of {@code from} to the next occurrence of {@code to}. */
        String between(String from, String to) {
            int start = output.indexOf(from);
            if (start < 0) {
                throw new AssertionError("not in output: " + from + "\n" + output);
            }
            int end = output.indexOf(to, start + from.length());
            if (end < 0) {
                throw new AssertionError("not in output after " + from + ": " + to + "\n" + output);
            }
            return output.substring(start, end);
        }
    }

    private DemoRunner() {}

    static Result run(Map<String, String> env, Path defaultDataDirectory, String input, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = HomeAssistantDemo.run(
                List.of(args),
                env,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out,
                defaultDataDirectory,
                true);
        return new Result(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
