package dev.memos4j.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The "replace X with Y" phrase is read as before, in one pass, and only from a short last line. */
class KeywordCorrectionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Replace Greenfield with Oakwood|Greenfield|Oakwood",
                "Please change tea to coffee.|tea|coffee",
                "change \"green tea\" to “black tea”!|green tea|black tea",
                "Replace 'Mia' by 'Mila'.|Mia|Mila",
                "replace a with b with c|a|b with c"
            })
    void readsTheCorrection(String feedback, String from, String to) {
        assertThat(KeywordCorrection.find(feedback)).contains(new KeywordCorrection(from, to));
    }

    @Test
    void readsTheLastLineAndAVerbAfterPunctuation() {
        assertThat(KeywordCorrection.find("I moved.\nReplace Berlin with Hamburg"))
                .contains(new KeywordCorrection("Berlin", "Hamburg"));
        assertThat(KeywordCorrection.find("#change the school to Oakwood Primary"))
                .contains(new KeywordCorrection("the school", "Oakwood Primary"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I like tea",
                "exchange tea with coffee",
                "replace with coffee",
                "replace tea with",
                "Replace Berlin with Hamburg\nthanks",
                "replaced tea with coffee"
            })
    void findsNothingWhereThereIsNoCorrection(String feedback) {
        assertThat(KeywordCorrection.find(feedback)).isEmpty();
    }

    @Test
    void aLineJustUnderTheCapIsStillRead() {
        String feedback = "replace " + "a with ".repeat((KeywordCorrection.MAX_CHARS - 10) / 7);
        assertThat(feedback.strip().length()).isLessThanOrEqualTo(KeywordCorrection.MAX_CHARS);

        Optional<KeywordCorrection> found = KeywordCorrection.find(feedback);

        assertThat(found).hasValueSatisfying(c -> {
            assertThat(c.from()).isEqualTo("a");
            assertThat(c.to()).startsWith("a with a with").endsWith("with");
        });
    }

    @Test
    void aLongerLastLineCorrectsNothing() {
        assertThat(KeywordCorrection.find("replace " + "a with ".repeat(150_000)))
                .isEmpty();
    }
}
