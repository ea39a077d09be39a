package dev.memos4j.benchmarks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.SearchMemoryResponse;
import org.junit.jupiter.api.Test;

class StubServerTest {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    @Test
    void theEnvelopeHasExactlyTheAskedSizeAndStillDecodes() throws Exception {
        for (int size : new int[] {1_000, 3_072, 4_000}) {
            byte[] body = StubServer.envelopeOfSize(size);
            JsonNode root = JSON.readTree(body);
            SearchMemoryResponse decoded = JSON.treeToValue(root.get("data"), SearchMemoryResponse.class);

            assertThat(body).hasSize(size);
            assertThat(root.get("code").asInt()).isZero();
            assertThat(decoded.memories()).isNotEmpty();
        }
    }

    @Test
    void aSizeBelowOneMemoryIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> StubServer.envelopeOfSize(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--body-bytes must be at least");
    }
}
