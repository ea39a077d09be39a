package dev.memos4j.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.client.model.SearchMemoryResponse;
import org.junit.jupiter.api.Test;

/** The JMH benchmarks measure real work: each produces the expected result once. */
class HotPathFixturesTest {

    @Test
    void bothDecodePathsAgree() throws Exception {
        SearchDecodeBenchmark decode = new SearchDecodeBenchmark();
        SearchMemoryResponse tree = decode.clientPath();
        assertThat(tree.memories()).hasSize(6);
        assertThat(decode.singlePass()).isEqualTo(tree);
    }

    @Test
    void promptCarriesAllSixMemoriesAndPreferences() throws Exception {
        PromptBuildBenchmark prompt = new PromptBuildBenchmark();
        prompt.setUp();
        String all =
                String.join("\n", prompt.build().stream().map(m -> m.content()).toList());
        assertThat(all)
                .contains(
                        "zoo on Saturday",
                        "the child tidies the toys",
                        "(variant 5)",
                        "Help me plan next week's housework");
    }

    @Test
    void streamParserAssemblesEveryDelta() throws Exception {
        String answer = new SseParseBenchmark().openAiStream();
        assertThat(answer).startsWith(" word0 word1").endsWith(" word" + (SseParseBenchmark.WORDS - 1));
        assertThat(answer.split(" word")).hasSize(SseParseBenchmark.WORDS + 1);
    }
}
