package dev.memos4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

    private static List<String> decode(String... lines) {
        SseDecoder decoder = new SseDecoder();
        List<String> events = new ArrayList<>();
        for (String line : lines) {
            decoder.feed(line).ifPresent(events::add);
        }
        decoder.finish().ifPresent(events::add);
        return events;
    }

    @Test
    void framesEventsAtBlankLinesAndJoinsDataLines() {
        assertThat(decode("data: a", "data: b", "", "data:c", "")).containsExactly("a\nb", "c");
    }

    @Test
    void ignoresCommentsOtherFieldsAndEmptyEvents() {
        assertThat(decode(": ping", "", "event: x", "id: 3", "retry: 10", "", "data: y", ""))
                .containsExactly("y");
    }

    @Test
    void dropsOnlyOneSpaceAfterTheColonAndDispatchesAnOpenEventAtTheEnd() {
        assertThat(decode("data:  two spaces", "", "data: tail")).containsExactly(" two spaces", "tail");
    }
}
