package dev.memos4j.assistant.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OpenAI provider's builder refuses bad settings at once, naming them, and never shows the key. */
class OpenAiBuilderRulesTest {

    private static final String KEY = "sk-test-secret-123";

    @Test
    void refusesBlankKeysAndModels() {
        OpenAiLlmProvider.Builder builder = OpenAiLlmProvider.builder();

        assertThatThrownBy(() -> builder.apiKey(" ")).hasMessage("apiKey must not be blank");
        assertThatThrownBy(() -> builder.apiKey(null)).hasMessage("apiKey must not be blank");
        assertThatThrownBy(() -> builder.model("")).hasMessage("model must not be blank");
        assertThatThrownBy(() -> builder.model(null)).hasMessage("model must not be blank");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api.openai.com/v1", "file:///etc/passwd", "https:///v1", "mailto:someone@example.com"})
    void refusesBaseUrlsThatAreNotAbsoluteHttp(String url) {
        assertThatThrownBy(() -> OpenAiLlmProvider.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl must be an absolute http(s) URL, was " + url);
    }

    @Test
    void refusesUnparseableBaseUrlsKeepingTheCause() {
        assertThatThrownBy(() -> OpenAiLlmProvider.builder().baseUrl("https://exa mple.com/v1"))
                .hasMessage("baseUrl is not a valid URL: https://exa mple.com/v1")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenAiLlmProvider.builder().baseUrl(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("baseUrl");
    }

    @Test
    void refusesNonPositiveTimeoutsAndNullCollaborators() {
        OpenAiLlmProvider.Builder builder = OpenAiLlmProvider.builder();

        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
                .hasMessage("connectTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> builder.requestTimeout(Duration.ofSeconds(-1)))
                .hasMessage("requestTimeout must be positive, was PT-1S");
        assertThatThrownBy(() -> builder.streamIdleTimeout(null)).hasMessage("streamIdleTimeout");
        assertThatThrownBy(() -> builder.retryPolicy(null)).hasMessage("retryPolicy");
        assertThatThrownBy(() -> builder.httpClient(null)).hasMessage("httpClient");
        assertThatThrownBy(() -> builder.executor(null)).hasMessage("executor");
        assertThatThrownBy(() -> builder.retryScheduler(null)).hasMessage("retryScheduler");
        assertThatThrownBy(() -> builder.organization(null)).hasMessage("organization");
        assertThatThrownBy(() -> builder.project(null)).hasMessage("project");
        assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock");
    }

    @Test
    void theOfficialEndpointNeedsAKeyAndTheBuilderNeverShowsIt() {
        assertThatThrownBy(() -> OpenAiLlmProvider.builder().build())
                .hasMessage("apiKey is required for " + OpenAiLlmProvider.DEFAULT_BASE_URL);

        OpenAiLlmProvider.Builder configured =
                OpenAiLlmProvider.builder().apiKey("  " + KEY + "  ").model(" gpt-test ");
        assertThat(configured.toString()).doesNotContain(KEY).contains("model=gpt-test");
        assertThat(OpenAiLlmProvider.builder().toString()).contains("apiKey=<none>");

        OpenAiLlmProvider llm = configured
                .organization("org-1")
                .project("proj-1")
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(2))
                .streamIdleTimeout(Duration.ofSeconds(3))
                .includeStreamUsage(false)
                .legacyMaxTokens(true)
                .build();
        assertThat(llm.model()).isEqualTo("gpt-test");
        assertThat(llm.toString()).doesNotContain(KEY);
    }

    @Test
    void environmentWithABlankKeyCountsAsNoKey() {
        assertThatThrownBy(() -> OpenAiLlmProvider.builderFromEnv(Map.of("OPENAI_API_KEY", "  ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OPENAI_API_KEY is not set (required for https://api.openai.com/v1)");
        assertThatThrownBy(() -> OpenAiLlmProvider.builderFromEnv(null)).hasMessage("env");
        assertThat(OpenAiLlmProvider.builderFromEnv(Map.of("OPENAI_API_KEY", KEY, "OPENAI_MODEL", " "))
                        .build()
                        .model())
                .isEqualTo(OpenAiLlmProvider.DEFAULT_MODEL);
    }
}
