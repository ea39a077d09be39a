package dev.memos4j.benchmarks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Payloads the benchmarks replay: a realistic {@code search/memory} envelope (six memories, two
 * preferences, a few KB, the fields the cloud sends) and the request that asks for it.
 */
public final class Canned {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    private static final String SEARCH_RESPONSE = "/dev/memos4j/benchmarks/search-memory-response.json";

    private Canned() {}

    /**
     * The raw bytes of the canned {@code search/memory} envelope, as a server would send them.
     *
     * @return a fresh copy of the bytes
     */
    public static byte[] searchResponseBytes() {
        try (InputStream in = Canned.class.getResourceAsStream(SEARCH_RESPONSE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SEARCH_RESPONSE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code data} of the canned envelope, decoded into the client's model.
     *
     * @return the decoded response
     */
    public static SearchMemoryResponse searchResponse() {
        try {
            JsonNode root = JSON.readTree(searchResponseBytes());
            return JSON.treeToValue(root.get("data"), SearchMemoryResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The search the benchmarks send: a household question for one user, with the cloud's default limits.
     *
     * @return the request
     */
    public static SearchMemoryRequest searchRequest() {
        return SearchMemoryRequest.builder()
                .query("What plans do I have for the weekend?")
                .userId("bench-user")
                .conversationId("bench-conversation")
                .build();
    }
}
