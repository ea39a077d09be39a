package dev.memos4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.internal.ClientConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationTest {

    private static final String CN = MemosClientBuilder.CHINA_BASE_URL;
    private static final String GLOBAL = MemosClientBuilder.GLOBAL_BASE_URL;

    private static Map<String, String> env(String key, String url, String global) {
        Map<String, String> env = new HashMap<>();
        env.put("MEMOS_API_KEY", key);
        env.put("MEMOS_BASE_URL", url);
        env.put("MEMOS_IS_GLOBAL", global);
        return env;
    }

    /** The resolution table of the official client: arguments beat the environment, is_global is an OR. */
    @ParameterizedTest(name = "[{index}] argKey={0} envKey={1} argUrl={2} envUrl={3} argGlobal={4} envGlobal={5}")
    @CsvSource(
            nullValues = "null",
            value = {
                // argKey, envKey,  argUrl,                envUrl,                   argGlobal, envGlobal, expected key,
                // expected url
                "null,     env-key, null,                  null,                     false,     null,      env-key, CN",
                "arg-key,  env-key, null,                  null,                     false,     null,      arg-key, CN",
                "'',       env-key, null,                  null,                     false,     null,      env-key, CN",
                "null,     env-key, null,                  null,                     false,     true,      env-key, GLOBAL",
                "null,     env-key, null,                  null,                     false,     TRUE,      env-key, GLOBAL",
                "null,     env-key, null,                  null,                     false,     1,         env-key, GLOBAL",
                "null,     env-key, null,                  null,                     false,     yes,       env-key, GLOBAL",
                "null,     env-key, null,                  null,                     false,     no,        env-key, CN",
                "null,     env-key, null,                  null,                     false,     '',        env-key, CN",
                "null,     env-key, null,                  null,                     true,      false,     env-key, GLOBAL",
                "null,     env-key, null,                  https://env.example/v1,   true,      true,      env-key, https://env.example/v1",
                "null,     env-key, https://arg.example/v1, https://env.example/v1,  false,     null,      env-key, https://arg.example/v1",
                "null,     env-key, null,                  '',                       false,     true,      env-key, GLOBAL",
                "null,     env-key, https://arg.example/v1///, null,                 false,     null,      env-key, https://arg.example/v1",
            })
    void resolvesLikeTheOfficialClient(
            String argKey,
            String envKey,
            String argUrl,
            String envUrl,
            boolean argGlobal,
            String envGlobal,
            String expectedKey,
            String expectedUrl) {
        MemosClientBuilder builder = MemosClient.builder()
                .environment(env(envKey, envUrl, envGlobal)::get)
                .isGlobal(argGlobal);
        if (argKey != null) {
            builder.apiKey(argKey);
        }
        if (argUrl != null) {
            builder.baseUrl(argUrl);
        }
        ClientConfig config = builder.resolve();
        assertThat(config.apiKey()).isEqualTo(expectedKey);
        String url = switch (expectedUrl) {
            case "CN" -> CN;
            case "GLOBAL" -> GLOBAL;
            default -> expectedUrl;
        };
        assertThat(config.baseUri()).hasToString(url);
    }

    @Test
    void missingKeyNamesTheEnvironmentVariable() {
        assertThatThrownBy(() -> MemosClient.builder()
                        .environment(env("", null, null)::get)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MemOS API key is required")
                .hasMessageContaining("MEMOS_API_KEY");
        // The build never sees the developer's environment: MEMOS_API_KEY is blank under test.
        assertThatThrownBy(MemosClient::fromEnv).hasMessageContaining("MEMOS_API_KEY");
    }

    @Test
    void plainHttpIsOnlyAllowedToThisMachineUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> MemosClient.builder()
                        .apiKey("k")
                        .baseUrl("http://memos.example.com/v1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http")
                .hasMessageContaining("allowInsecureHttp");
        for (String local : new String[] {
            "http://localhost:8080/v1", "http://127.0.0.1/v1", "http://127.1.2.3:9/v1", "http://[::1]:8000/v1"
        }) {
            MemosClient.builder().apiKey("k").baseUrl(local).build().close();
        }
        MemosClient.builder()
                .apiKey("k")
                .baseUrl("http://memos.example.com/v1")
                .allowInsecureHttp(true)
                .build()
                .close();
        assertThatThrownBy(() -> MemosClient.builder()
                        .apiKey("k")
                        .baseUrl("ftp://example.com")
                        .build())
                .hasMessageContaining("base_url must be an absolute http(s) URL");
    }

    @Test
    void authorizationCannotBeOverriddenByHeaders() {
        assertThatThrownBy(() -> MemosClient.builder().defaultHeader("authorization", "x"))
                .hasMessageContaining("Authorization");
    }

    @Test
    void toStringNeverShowsTheKey() {
        MemosClientBuilder builder = MemosClient.builder().apiKey("mpg-top-secret");
        try (MemosClient client = builder.build()) {
            assertThat(builder.toString()).doesNotContain("mpg-top-secret").contains("***");
            assertThat(builder.resolve().toString()).doesNotContain("mpg-top-secret");
            assertThat(client.toString()).doesNotContain("mpg-top-secret").contains(CN);
        }
    }

    @Test
    void retryPolicyBackoffDoublesWithinTheJitterAndCap() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.backoff(1, 0.5)).hasMillis(500);
        assertThat(policy.backoff(2, 0.5)).hasMillis(1000);
        assertThat(policy.backoff(1, 0.0)).hasMillis(400);
        assertThat(policy.backoff(1, 0.999)).hasMillis(600);
        assertThat(policy.backoff(10, 0.999)).hasMillis(8000);
        assertThat(policy.retryableStatuses()).contains(408, 429, 500, 503, 599).doesNotContain(400, 401, 404);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(policy.toBuilder().build()).isEqualTo(policy);
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .hasMessageContaining("maxAttempts must be at least 1");
    }
}
