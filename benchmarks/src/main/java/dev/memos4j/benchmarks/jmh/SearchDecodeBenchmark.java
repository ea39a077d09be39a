package dev.memos4j.benchmarks.jmh;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.benchmarks.support.Canned;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding the canned {@code search/memory} envelope (six memories, two preferences). {@code clientPath}
 * does what the HTTP client does with a response body: parse it to a tree (to read {@code code} and
 * {@code data}), then bind {@code data} to the model. {@code singlePass} binds the whole envelope in one
 * streaming pass, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchDecodeBenchmark {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    private final String body = new String(Canned.searchResponseBytes(), StandardCharsets.UTF_8);

    /** The envelope bound directly. */
    public record Envelope(
            @JsonProperty("code") int code,
            @JsonProperty("message") String message,
            @JsonProperty("data") SearchMemoryResponse data) {}

    /**
     * Tree, then model: the client's decode path.
     *
     * @return the decoded response
     * @throws IOException never, for this body
     */
    @Benchmark
    public SearchMemoryResponse clientPath() throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root.path("code").asInt(-1) != 0) {
            throw new IllegalStateException("not a success envelope");
        }
        return JSON.treeToValue(root.get("data"), SearchMemoryResponse.class);
    }

    /**
     * One streaming pass into an envelope record.
     *
     * @return the decoded response
     * @throws IOException never, for this body
     */
    @Benchmark
    public SearchMemoryResponse singlePass() throws IOException {
        return JSON.readValue(body, Envelope.class).data();
    }
}
