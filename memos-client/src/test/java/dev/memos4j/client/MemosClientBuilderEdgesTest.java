package dev.memos4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder edge cases a user can hit: URL forms, environment values, loopback hosts, bad settings. */
class MemosClientBuilderEdgesTest {

    private static MemosClientBuilder withEnv(Map<String, String> env) {
        return MemosClient.builder().environment(env::get);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://memos.example.com/api/openmem/v1/,   https://memos.example.com/api/openmem/v1",
        "'  https://memos.example.com/v1///  ',        https://memos.example.com/v1",
        "HTTPS://memos.example.com,                   HTTPS://memos.example.com",
    })
    void normalisesTheBaseUrl(String given, String expected) {
        assertThat(MemosClient.builder()
                        .apiKey("k")
                        .baseUrl(given)
                        .resolve()
                        .baseUri()
                        .toString())
                .isEqualTo(expected);
    }

    @Test
    void refusesBaseUrlsThatCannotWork() {
        assertThatThrownBy(() -> MemosClient.builder()
                        .apiKey("k")
                        .baseUrl("https://exa mple.com")
                        .resolve())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("base_url is not a valid URL: ");
        assertThatThrownBy(() -> MemosClient.builder()
                        .apiKey("k")
                        .baseUrl("memos.example.com/v1")
                        .resolve())
                .hasMessage("base_url must be an absolute http(s) URL (was memos.example.com/v1)");
        assertThatThrownBy(() -> MemosClient.builder()
                        .apiKey("k")
                        .baseUrl("ftp://memos.example.com")
                        .resolve())
                .hasMessage("base_url must be an absolute http(s) URL (was ftp://memos.example.com)");
    }

    @ParameterizedTest(name = "MEMOS_IS_GLOBAL={0}")
    @ValueSource(strings = {"true", "TRUE", " 1 ", "yes"})
    void anyTrueLikeEnvironmentValueSelectsTheGlobalCloud(String value) {
        assertThat(withEnv(Map.of("MEMOS_API_KEY", "k", "MEMOS_IS_GLOBAL", value))
                        .resolve()
                        .baseUri()
                        .toString())
                .isEqualTo(MemosClientBuilder.GLOBAL_BASE_URL);
    }

    @ParameterizedTest(name = "MEMOS_IS_GLOBAL={0}")
    @ValueSource(strings = {"false", "0", "no", "global"})
    void otherEnvironmentValuesKeepTheDefaultCloud(String value) {
        assertThat(withEnv(Map.of("MEMOS_API_KEY", "k", "MEMOS_IS_GLOBAL", value))
                        .resolve()
                        .baseUri()
                        .toString())
                .isEqualTo(MemosClientBuilder.CHINA_BASE_URL);
    }

    @Test
    void aBlankArgumentFallsBackToTheEnvironmentAndKeysAreTrimmed() {
        assertThat(withEnv(Map.of("MEMOS_API_KEY", "  env-key  "))
                        .apiKey(" ")
                        .resolve()
                        .apiKey())
                .isEqualTo("env-key");
        assertThatThrownBy(() -> withEnv(Map.of("MEMOS_API_KEY", " ")).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MEMOS_API_KEY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "localhost, true",
        "LOCALHOST, true",
        "127.0.0.1, true",
        "127.10.20.30, true",
        "[::1], true",
        "::1, true",
        "0:0:0:0:0:0:0:1, true",
        "10.0.0.1, false",
        "localhost.example.com, false",
        "128.0.0.1, false",
        "memos.example.com, false",
    })
    void knowsWhichHostsAreThisMachine(String host, boolean loopback) {
        assertThat(MemosClientBuilder.isLoopback(host)).isEqualTo(loopback);
    }

    @Test
    void refusesBadSettingsNamingThem() {
        MemosClientBuilder builder = MemosClient.builder();

        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive (was PT0S)");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ofMillis(-5)))
                .hasMessage("connectTimeout must be positive (was PT-0.005S)");
        assertThatThrownBy(() -> builder.streamIdleTimeout(null)).hasMessage("streamIdleTimeout");
        assertThatThrownBy(() -> builder.environment(null)).hasMessage("environment");
        assertThatThrownBy(() -> builder.retryPolicy(null)).hasMessage("retryPolicy");
        assertThatThrownBy(() -> builder.executor(null)).hasMessage("executor");
        assertThatThrownBy(() -> builder.httpClient(null)).hasMessage("httpClient");
        assertThatThrownBy(() -> builder.scheduler(null)).hasMessage("scheduler");
        assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock");
        assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener");
        assertThatThrownBy(() -> builder.defaultHeader(null, "v")).hasMessage("header name");
        assertThatThrownBy(() -> builder.defaultHeader("X-Tenant", null)).hasMessage("header value");
        assertThatThrownBy(() -> builder.defaultHeader("AUTHORIZATION", "Token k"))
                .hasMessage("headers must not set Authorization; configure the API key instead");
    }

    @Test
    void defaultHeadersAndSettingsReachTheConfiguration() {
        RetryPolicy policy = RetryPolicy.none();
        var config = MemosClient.builder()
                .apiKey("k")
                .defaultHeader("X-Tenant", "home")
                .timeout(Duration.ofSeconds(3))
                .connectTimeout(Duration.ofSeconds(1))
                .streamIdleTimeout(Duration.ofSeconds(9))
                .retryPolicy(policy)
                .resolve();

        assertThat(config.defaultHeaders()).containsExactly(Map.entry("X-Tenant", "home"));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.streamIdleTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.retryPolicy()).isSameAs(policy);
        assertThat(config.executor()).isEmpty();
        assertThat(config.httpClient()).isEmpty();
    }
}
