package dev.memos4j.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.memos4j.client.MemosJson;
import dev.memos4j.client.internal.SseDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing an OpenAI chat-completions stream of 60 chunks (one word each, then a finish reason, usage and
 * {@code [DONE]}), line by line as the HTTP client delivers it: the SSE framing by {@link SseDecoder} and
 * each chunk's JSON read for its delta, as the OpenAI provider's stream subscriber does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SseParseBenchmark {

    private static final JsonMapper JSON = MemosJson.jsonMapper();

    static final int WORDS = 60;
    private final List<String> lines = openAiStreamLines(WORDS);

    static List<String> openAiStreamLines(int words) {
        List<String> lines = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-9x2Lk\",\"object\":\"chat.completion.chunk\",\"created\":1765360012,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_a7d06e42a7\",\"choices\":[{\"index\":0,";
        lines.add("data: " + head + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]}");
        lines.add("");
        for (int i = 0; i < words; i++) {
            lines.add("data: " + head + "\"delta\":{\"content\":\" word" + i + "\"},\"logprobs\":null,"
                    + "\"finish_reason\":null}]}");
            lines.add("");
        }
        lines.add("data: " + head + "\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":" + words + ",\"total_tokens\":"
                + (412 + words) + "}}");
        lines.add("");
        lines.add("data: [DONE]");
        lines.add("");
        return List.copyOf(lines);
    }

    /**
     * The whole stream, framed and decoded.
     *
     * @return the assembled answer
     * @throws IOException never, for this stream
     */
    @Benchmark
    public String openAiStream() throws IOException {
        SseDecoder decoder = new SseDecoder();
        StringBuilder answer = new StringBuilder();
        for (String line : lines) {
            Optional<String> event = decoder.feed(line);
            if (event.isEmpty() || event.get().equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = JSON.readTree(event.get());
            JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
            if (content.isTextual()) {
                answer.append(content.asText());
            }
        }
        return answer.toString();
    }
}
