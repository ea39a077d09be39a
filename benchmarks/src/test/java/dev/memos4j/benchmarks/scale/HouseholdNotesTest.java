package dev.memos4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.local.internal.RuleBasedExtractor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HouseholdNotesTest {

    @Test
    void sameSeedSameNotes() {
        HouseholdNotes a = new HouseholdNotes(7);
        HouseholdNotes b = new HouseholdNotes(7);
        for (int i = 0; i < 100; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
        assertThat(new HouseholdNotes(8).next()).isNotEqualTo(new HouseholdNotes(7).next());
    }

    @Test
    void notesAreVariedAndNoneReadsAsAnExplicitPreference() {
        HouseholdNotes notes = new HouseholdNotes(20_261_125L);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            sample.add(notes.next());
        }
        Set<String> distinct = new HashSet<>(sample);
        assertThat(distinct.size()).isGreaterThan(1_800);
        assertThat(sample).allSatisfy(note -> {
            assertThat(note).doesNotContain("%").hasSizeBetween(20, 200);
            assertThat(RuleBasedExtractor.explicitPreferences(note)).isEmpty();
        });
        assertThat(HouseholdNotes.queries()).hasSizeGreaterThanOrEqualTo(10);
    }
}
