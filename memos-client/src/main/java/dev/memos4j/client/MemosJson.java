package dev.memos4j.client;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.client.internal.Json;

/**
 * The JSON configuration memos4j reads and writes the MemOS wire format with, for applications that
 * need to do the same: print a request as it is sent, read a recorded response into a model, write
 * fixtures for their own tests.
 *
 * <pre>{@code
 * JsonMapper json = MemosJson.jsonMapper();
 * String wire = json.writeValueAsString(request);                      // the body the client sends
 * SearchMemoryResponse found = json.readValue(recorded, SearchMemoryResponse.class);
 * }</pre>
 *
 * <p>The mapper ignores unknown properties (models keep them), understands {@code Optional}, and writes
 * {@code java.time} values as ISO-8601 strings.
 */
public final class MemosJson {

    private MemosJson() {}

    /**
     * A new mapper configured like the client's own. Each call returns a fresh copy, so configuring it
     * never changes how the client reads and writes; create one and reuse it, as mappers are
     * thread-safe and costly to create.
     *
     * @return a new, independently configurable mapper
     */
    public static JsonMapper jsonMapper() {
        return Json.MAPPER.copy();
    }
}
