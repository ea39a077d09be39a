package dev.memos4j.examples;

import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.NotConnectedLlmProvider;
import dev.memos4j.assistant.openai.OpenAiLlmProvider;
import dev.memos4j.client.MemosClient;
import dev.memos4j.local.LocalMemos;
import java.util.Map;

/** How every example picks its backends: the real services when their keys are set, local ones otherwise. */
final class ExampleBackends {

    private ExampleBackends() {}

    /** MemOS cloud when {@code MEMOS_API_KEY} is set; otherwise the embedded engine, in memory. */
    static MemosClient memos(Map<String, String> env) {
        String key = env.get("MEMOS_API_KEY");
        if (key != null && !key.isBlank()) {
            return MemosClient.builder().environment(env::get).build();
        }
        return LocalMemos.inMemory();
    }

    /** OpenAI (or a compatible server) when {@code OPENAI_API_KEY} is set; otherwise no model. */
    static LlmProvider llm(Map<String, String> env) {
        String key = env.get("OPENAI_API_KEY");
        if (key != null && !key.isBlank()) {
            return OpenAiLlmProvider.fromEnv(env);
        }
        return new NotConnectedLlmProvider();
    }
}
