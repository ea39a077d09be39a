package dev.memos4j.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.MemoryType;
import dev.memos4j.client.model.PreferenceType;
import dev.memos4j.client.model.SearchMemoryResponse;
import org.junit.jupiter.api.Test;

class CannedTest {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    @Test
    void searchResponseIsARealisticSuccessEnvelopeOfAFewKilobytes() throws Exception {
        byte[] body = Canned.searchResponseBytes();
        assertThat(body.length).isBetween(2_000, 8_000);
        JsonNode root = JSON.readTree(body);
        assertThat(root.get("code").asInt()).isZero();
        assertThat(root.get("message").asText()).isEqualTo("ok");

        SearchMemoryResponse response = Canned.searchResponse();
        assertThat(response.memories()).hasSize(6);
        assertThat(response.preferences()).hasSize(2);
        assertThat(response.preferenceNote()).isPresent();
        for (MemoryDetail memory : response.memories()) {
            assertThat(memory.id()).isNotBlank();
            assertThat(memory.memoryValue()).isNotBlank();
            assertThat(memory.relativity())
                    .hasValueSatisfying(r -> assertThat(r).isBetween(0.0, 1.0));
            assertThat(memory.createTime()).isPresent();
            assertThat(memory.tags()).isNotEmpty();
            assertThat(memory.additionalProperties()).isEmpty(); // every field is one the model knows
        }
        assertThat(response.memories())
                .extracting(m -> m.memoryType().orElseThrow())
                .contains(MemoryType.LONG_TERM_MEMORY, MemoryType.WORKING_MEMORY);
        assertThat(response.preferences())
                .extracting(p -> p.preferenceType().orElseThrow())
                .containsExactly(PreferenceType.EXPLICIT, PreferenceType.IMPLICIT);
    }

    @Test
    void searchRequestIsValidWithTheCloudDefaults() {
        JsonNode wire = JSON.valueToTree(Canned.searchRequest());
        assertThat(wire.get("query").asText()).isEqualTo("What plans do I have for the weekend?");
        assertThat(wire.get("user_id").asText()).isEqualTo("bench-user");
        assertThat(wire.has("agent_id") && !wire.get("agent_id").isNull()).isFalse();
    }
}
