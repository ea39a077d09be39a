package dev.memos4j.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.benchmarks.support.Canned;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Building the LLM messages with {@link DefaultPromptBuilder} from six memories and six preferences. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PromptBuildBenchmark {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    private final DefaultPromptBuilder builder = DefaultPromptBuilder.create();
    private PromptContext context;

    /**
     * Prepares a context: the canned memories, and its two preferences varied into six.
     *
     * @throws IOException never, for the canned body
     */
    @Setup
    public void setUp() throws IOException {
        SearchMemoryResponse recalled = sixPreferences();
        context = new PromptContext(
                "Help me plan next week's housework",
                "bench-user",
                "bench-conversation",
                recalled.memories(),
                recalled.preferences(),
                recalled.preferenceNote(),
                ZonedDateTime.of(2025, 12, 17, 20, 30, 0, 0, ZoneId.of("Asia/Shanghai")));
        if (context.memories().size() != 6 || context.preferences().size() != 6) {
            throw new IllegalStateException("expected 6 memories and 6 preferences");
        }
    }

    static SearchMemoryResponse sixPreferences() throws IOException {
        JsonNode data = JSON.readTree(Canned.searchResponseBytes()).get("data");
        ArrayNode preferences = (ArrayNode) data.get("preference_detail_list");
        int original = preferences.size();
        for (int i = original; i < 6; i++) {
            ObjectNode copy = ((ObjectNode) preferences.get(i % original)).deepCopy();
            copy.put("id", "preference-" + i);
            copy.put("preference", copy.get("preference").asText() + " (variant " + i + ")");
            preferences.add(copy);
        }
        return JSON.treeToValue(data, SearchMemoryResponse.class);
    }

    /**
     * One prompt.
     *
     * @return the messages
     */
    @Benchmark
    public List<ChatMessage> build() {
        return builder.build(context);
    }
}
