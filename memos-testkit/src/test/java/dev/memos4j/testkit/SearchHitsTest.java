package dev.memos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchHitsTest {

    @Test
    void hitsCarryTheirTextAndRelevanceAsTheServiceSendsThem() {
        MemoryDetail memory = SearchHits.memory("Zoo on Saturday", 0.9);
        PreferenceDetail preference = SearchHits.preference("Prefers mornings", 0.3);

        assertThat(memory.text()).isEqualTo("Zoo on Saturday");
        assertThat(memory.relativity()).contains(0.9);
        assertThat(memory.memoryType()).contains(MemoryType.LONG_TERM_MEMORY);
        assertThat(memory.id()).startsWith("hit-");
        assertThat(preference.preference()).isEqualTo("Prefers mornings");
        assertThat(preference.relativity()).contains(0.3);
        // Written as the service writes a search hit, field names included.
        Map<String, Object> json = MemosJson.jsonMapper().convertValue(memory, new TypeReference<>() {});
        assertThat(json)
                .containsEntry("memory_value", "Zoo on Saturday")
                .containsEntry("relativity", 0.9)
                .containsEntry("id", memory.id());
    }

    @Test
    void theIdFollowsTheText() {
        assertThat(SearchHits.memory("Zoo on Saturday", 0.9).id())
                .isEqualTo(SearchHits.memory("Zoo on Saturday", 0.1).id())
                .isNotEqualTo(SearchHits.memory("Dentist on Monday", 0.9).id());
        assertThat(SearchHits.preference("Prefers mornings", 0.5).id())
                .isNotEqualTo(SearchHits.memory("Prefers mornings", 0.5).id());
    }

    @Test
    void aScriptedSearchReturnsTheHitsUnfilteredWhateverTheRequestAsks() {
        FakeMemosClient fake = new FakeMemosClient();
        fake.on(MemosEndpoint.SEARCH_MEMORY)
                .thenReturn(SearchMemoryResponse.of(
                        List.of(SearchHits.memory("Zoo on Saturday", 0.9), SearchHits.memory("Bananas", 0.2)),
                        List.of(SearchHits.preference("Prefers mornings", 0.1))));

        SearchMemoryResponse found = fake.blocking()
                .searchMemory(SearchMemoryRequest.builder()
                        .userId("alice")
                        .query("weekend")
                        .relativity(0.5)
                        .memoryLimitNumber(1)
                        .build());

        assertThat(found.memories())
                .extracting(m -> m.relativity().orElseThrow())
                .containsExactly(0.9, 0.2);
        assertThat(found.preferences()).extracting(PreferenceDetail::preference).containsExactly("Prefers mornings");
    }

    @Test
    void refusesABlankTextAndAScoreOutsideZeroToOne() {
        assertThatThrownBy(() -> SearchHits.memory(" ", 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> SearchHits.memory("Zoo", 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relativity");
        assertThatThrownBy(() -> SearchHits.preference("Mornings", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relativity");
    }
}
