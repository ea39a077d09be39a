package dev.memos4j.benchmarks.locomo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.memos4j.benchmarks.LocomoBenchmark;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.RetrievalMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The LoCoMo harness on a tiny synthetic conversation in the same format. */
class LocomoHarnessTest {

    private static final Path FIXTURE = Path.of("src/test/resources/locomo/tiny-conversation.json");

    @Test
    void parsesSessionsTurnsAndScorableQuestions() throws Exception {
        LocomoConversation conversation = LocomoConversation.load(FIXTURE).get(0);
        assertThat(conversation.name()).isEqualTo("tiny-conversation");
        assertThat(conversation.sessions())
                .extracting(LocomoConversation.Session::number)
                .containsExactly(1, 2);
        assertThat(conversation.sessions().get(0).dateTime()).isEqualTo("1:56 pm on 8 May, 2023");
        assertThat(conversation.sessions().get(0).turns().get(2).text()).endsWith("[shares an image: a cat on a sofa]");
        // no evidence and category 5 are left out; "D1:2; D2:1" is two ids
        assertThat(conversation.questions()).hasSize(2);
        assertThat(conversation.questions().get(1).evidence()).containsExactly("D1:2", "D2:1");
    }

    @Test
    void recallCountsEvidenceAmongTheTopK() {
        assertThat(RecallAtK.of(Set.of("D1:1", "D2:1"), List.of("D2:1", "D1:5", "D1:1"), 2))
                .isEqualTo(0.5);
        assertThat(RecallAtK.of(Set.of("D1:1", "D2:1"), List.of("D2:1", "D1:5", "D1:1"), 3))
                .isEqualTo(1.0);
        assertThat(RecallAtK.of(Set.of("D1:1"), List.of(), 5)).isEqualTo(0.0);
    }

    @Test
    void endToEndThroughTheEngineMapsMemoriesBackToTurns() throws Exception {
        LocomoBenchmark.Result result = LocomoBenchmark.evaluate(
                LocomoConversation.load(FIXTURE), Embedder.none(), RetrievalMode.LEXICAL, new int[] {1, 5}, false);
        assertThat(result.questions()).isEqualTo(2);
        assertThat(result.turns()).isEqualTo(5);
        assertThat(result.recall()[0]).isCloseTo(0.75, within(0.26)); // cat found first; marathon half at k=1
        assertThat(result.recall()[1]).isEqualTo(1.0); // all five turns fit in the top 5
    }
}
