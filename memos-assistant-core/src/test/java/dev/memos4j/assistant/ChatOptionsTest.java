package dev.memos4j.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.assistant.llm.LlmOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The chat facade's options: documented defaults, validation messages naming the setting, round trips. */
class ChatOptionsTest {

    @Test
    void defaults() {
        ChatOptions defaults = ChatOptions.defaults();

        assertThat(defaults.memoryLimit()).isEqualTo(6);
        assertThat(defaults.preferenceLimit()).isEqualTo(6);
        assertThat(defaults.relativityThreshold()).contains(0.45);
        assertThat(ChatOptions.DEFAULT_RELATIVITY_THRESHOLD).isEqualTo(0.45);
        assertThat(defaults.includePreferences()).isTrue();
        assertThat(defaults.searchTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.writeBackPolicy()).isEqualTo(WriteBackPolicy.ASYNC);
        assertThat(defaults.searchFailurePolicy()).isEqualTo(SearchFailurePolicy.DEGRADE);
        assertThat(defaults.llmOptions()).isSameAs(LlmOptions.none());
        assertThat(ChatOptions.builder().build().toString()).isEqualTo(defaults.toString());
    }

    @Test
    void everySettingIsKeptAndSurvivesToBuilder() {
        LlmOptions llm = LlmOptions.builder().model("gpt-test").build();
        ChatOptions options = ChatOptions.builder()
                .memoryLimit(0)
                .preferenceLimit(25)
                .relativityThreshold(0.35)
                .includePreferences(false)
                .searchTimeout(Duration.ofMillis(1_500))
                .writeBackPolicy(WriteBackPolicy.SYNC)
                .searchFailurePolicy(SearchFailurePolicy.STRICT)
                .llmOptions(llm)
                .build();

        ChatOptions copy = options.toBuilder().build();
        for (ChatOptions o : new ChatOptions[] {options, copy}) {
            assertThat(o.memoryLimit()).isZero();
            assertThat(o.preferenceLimit()).isEqualTo(25);
            assertThat(o.relativityThreshold()).contains(0.35);
            assertThat(o.includePreferences()).isFalse();
            assertThat(o.searchTimeout()).isEqualTo(Duration.ofMillis(1_500));
            assertThat(o.writeBackPolicy()).isEqualTo(WriteBackPolicy.SYNC);
            assertThat(o.searchFailurePolicy()).isEqualTo(SearchFailurePolicy.STRICT);
            assertThat(o.llmOptions()).isSameAs(llm);
        }
        assertThat(copy.toString()).isEqualTo(options.toString()).contains("memoryLimit=0", "STRICT", "gpt-test");
        assertThat(options.toBuilder().memoryLimit(3).build().memoryLimit()).isEqualTo(3);
        assertThat(options.memoryLimit()).isZero();
    }

    @Test
    void refusesOutOfRangeSettingsNamingThem() {
        ChatOptions.Builder builder = ChatOptions.builder();

        assertThatThrownBy(() -> builder.memoryLimit(26)).hasMessage("memoryLimit must be between 0 and 25, was 26");
        assertThatThrownBy(() -> builder.preferenceLimit(-1))
                .hasMessage("preferenceLimit must be between 0 and 25, was -1");
        assertThatThrownBy(() -> builder.relativityThreshold(1.01))
                .hasMessage("relativityThreshold must be between 0 and 1, was 1.01");
        assertThatThrownBy(() -> builder.relativityThreshold(Double.NaN))
                .hasMessage("relativityThreshold must be between 0 and 1, was NaN");
        assertThatThrownBy(() -> builder.searchTimeout(Duration.ZERO))
                .hasMessage("searchTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> builder.searchTimeout(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("searchTimeout");
        assertThatThrownBy(() -> builder.writeBackPolicy(null)).hasMessage("writeBackPolicy");
        assertThatThrownBy(() -> builder.searchFailurePolicy(null)).hasMessage("searchFailurePolicy");
        assertThatThrownBy(() -> builder.llmOptions(null)).hasMessage("llmOptions");
        assertThat(builder.build().memoryLimit()).isEqualTo(6);
    }
}
