package dev.memos4j.client.internal;

import java.util.Optional;

/**
 * Decodes a {@code text/event-stream} body fed line by line into event payloads. Follows the framing
 * rules: events end at a blank line; several {@code data:} lines of one event are joined with
 * {@code \n}; one space after the colon is dropped; comment lines (starting with {@code :}) and the
 * {@code event}, {@code id} and {@code retry} fields are ignored; an event without data dispatches
 * nothing. Not thread-safe: one decoder per stream. The one SSE framing of memos4j: the MemOS chat
 * stream and the OpenAI-compatible provider both read through it.
 */
@Internal
public final class SseDecoder {

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /**
     * Feeds one line, without its line terminator.
     *
     * @param line the line
     * @return the payload of the event this line completed, if it completed one
     */
    public Optional<String> feed(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        if (!field.equals("data")) {
            return Optional.empty();
        }
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
        return Optional.empty();
    }

    /**
     * Ends the stream: an event still open (the body ended without a final blank line) is dispatched,
     * which tolerates servers that omit the last separator.
     *
     * @return the payload of the open event, if any
     */
    public Optional<String> finish() {
        return dispatch();
    }

    private Optional<String> dispatch() {
        if (!hasData) {
            return Optional.empty();
        }
        String payload = data.toString();
        data.setLength(0);
        hasData = false;
        return Optional.of(payload);
    }
}
