package dev.memos4j.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkerWatcherTest {

    @Test
    void findsAPromptWithoutALineEndAndCountsEachOne() {
        MarkerWatcher watcher = new MarkerWatcher("you> ");
        StringBuilder completedAt = new StringBuilder();
        String output = "Home assistant\nyou> assistant> Saturday: the zoo.\nyou> ";
        for (int i = 0; i < output.length(); i++) {
            if (watcher.feed(output.charAt(i))) {
                completedAt.append(i).append(' ');
            }
        }
        assertThat(watcher.seen()).isEqualTo(2);
        assertThat(completedAt.toString().strip())
                .isEqualTo((output.indexOf("you> ") + 4) + " " + (output.length() - 1));
    }

    @Test
    void ignoresPartialMatchesAndEmptyMarkers() {
        MarkerWatcher watcher = new MarkerWatcher("you> ");
        for (char c : "you>you >yo> ".toCharArray()) {
            assertThat(watcher.feed(c)).isFalse();
        }
        assertThat(watcher.seen()).isZero();
        assertThatThrownBy(() -> new MarkerWatcher("")).hasMessageContaining("empty");
    }
}
