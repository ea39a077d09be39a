package dev.memos4j.assistant.docs;

import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmException;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.assistant.llm.LlmRateLimitException;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.LlmResult;
import dev.memos4j.assistant.llm.LlmStream;
import dev.memos4j.assistant.llm.StreamListener;
import dev.memos4j.assistant.openai.OpenAiLlmProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The code of docs/llm-providers.md, kept compiling. */
final class ProviderSamples {

    private ProviderSamples() {}

    // [openai]
    static LlmProvider openAi() {
        return OpenAiLlmProvider.builder()
                .apiKey(System.getenv("OPENAI_API_KEY"))
                .model("gpt-4o-mini")
                .requestTimeout(Duration.ofSeconds(30)) // until response headers
                .streamIdleTimeout(Duration.ofSeconds(20)) // longest silence inside a stream
                .retryPolicy(OpenAiLlmProvider.defaultRetryPolicy().toBuilder()
                        .maxAttempts(4)
                        .build())
                .build();
    }
    // [/openai]

    // [compatible]
    static LlmProvider ollama() {
        return OpenAiLlmProvider.builder()
                .baseUrl("http://localhost:11434/v1") // loopback: plain http is fine, no key needed
                .model("llama3.2")
                .build();
    }

    static LlmProvider vllmOnLan() {
        return OpenAiLlmProvider.builder()
                .baseUrl("http://gpu-box.lan:8000/v1")
                .allowInsecureHttp(true) // remote plain http must be allowed explicitly
                .model("Qwen/Qwen2.5-7B-Instruct")
                .includeStreamUsage(false) // for servers that reject stream_options
                .build();
    }

    static LlmProvider deepSeek() {
        return OpenAiLlmProvider.builder()
                .baseUrl("https://api.deepseek.com/v1")
                .apiKey(System.getenv("DEEPSEEK_API_KEY"))
                .model("deepseek-chat")
                .build();
    }
    // [/compatible]

    // [errors]
    static String answerOrExplain(LlmProvider llm, String question) {
        try {
            return llm.complete(LlmRequest.of(List.of(ChatMessage.user(question))))
                    .join()
                    .text();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof LlmRateLimitException limited) {
                return "busy, retry in "
                        + limited.retryAfter().map(Duration::toSeconds).orElse(1L) + " s";
            }
            if (e.getCause() instanceof LlmException failure) {
                return "the model failed: " + failure.getMessage();
            }
            throw e;
        }
    }
    // [/errors]

    // [custom]
    /** Tries the primary model and falls back to a second one when it fails. */
    static final class FallbackLlmProvider implements LlmProvider {
        private final LlmProvider primary;
        private final LlmProvider fallback;

        FallbackLlmProvider(LlmProvider primary, LlmProvider fallback) {
            this.primary = primary;
            this.fallback = fallback;
        }

        @Override
        public CompletableFuture<LlmResult> complete(LlmRequest request) {
            return primary.complete(request).exceptionallyCompose(error -> fallback.complete(request));
        }

        @Override
        public LlmStream stream(LlmRequest request, StreamListener listener) {
            // Streams are not retried elsewhere once text was shown, so no fallback here either.
            return primary.stream(request, listener);
        }

        @Override
        public String name() {
            return primary.name() + "|" + fallback.name();
        }
    }
    // [/custom]

    // [from-scratch]
    /** A provider that answers by shouting the question back; shows the whole contract. */
    static final class ShoutingLlmProvider implements LlmProvider {
        @Override
        public CompletableFuture<LlmResult> complete(LlmRequest request) {
            return CompletableFuture.supplyAsync(
                    () -> LlmResult.of(request.lastUserText().orElse("").toUpperCase()));
        }

        @Override
        public LlmStream stream(LlmRequest request, StreamListener listener) {
            CompletableFuture<LlmResult> completion = new CompletableFuture<>();
            CompletableFuture.runAsync(() -> {
                String answer = request.lastUserText().orElse("").toUpperCase();
                for (String word : answer.split("(?<= )")) {
                    if (completion.isDone()) {
                        return; // cancelled: stop producing
                    }
                    listener.onDelta(word);
                }
                completion.complete(LlmResult.of(answer));
            });
            return LlmStream.of(completion, () -> {
                /* nothing to close */
            });
        }
    }
    // [/from-scratch]
}
