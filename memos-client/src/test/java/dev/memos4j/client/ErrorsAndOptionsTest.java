package dev.memos4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosBadRequestException;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosInvalidResponseException;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.errors.MemosQuotaExceededException;
import dev.memos4j.client.errors.MemosRateLimitException;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How failures are classified and described, and how per-call and retry settings are validated. */
class ErrorsAndOptionsTest {

    @ParameterizedTest(name = "HTTP {0}, code {1} -> {2}")
    @CsvSource({
        "401, ,      MemosAuthenticationException",
        "403, ,      MemosAuthenticationException",
        "200, 40100, MemosAuthenticationException",
        "200, 40130, MemosAuthenticationException",
        "200, 40132, MemosAuthenticationException",
        "429, ,      MemosRateLimitException",
        "200, 40300, MemosRateLimitException",
        "200, 40301, MemosQuotaExceededException",
        "400, 40305, MemosQuotaExceededException",
        "404, ,      MemosNotFoundException",
        "200, 40001, MemosNotFoundException",
        "200, 40307, MemosNotFoundException",
        "200, 40308, MemosNotFoundException",
        "200, 50120, MemosNotFoundException",
        "200, 50131, MemosNotFoundException",
        "500, ,      MemosServerException",
        "503, ,      MemosServerException",
        "200, 50000, MemosServerException",
        "200, 50143, MemosServerException",
        "400, ,      MemosBadRequestException",
        "422, ,      MemosBadRequestException",
        "200, 40002, MemosBadRequestException",
        "200, 40306, MemosBadRequestException",
        "302, ,      MemosServiceException",
        "200, 7,     MemosServiceException",
    })
    void classifiesByStatusAndEnvelopeCode(int status, Integer code, String expected) {
        MemosServiceException e = MemosServiceException.of(status, code, "nope", "req-1", "{}", null);

        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(java.util.Optional.ofNullable(code));
        assertThat(e).isInstanceOf(MemosException.class);
    }

    @Test
    void describesTheFailureAndCapsTheBody() {
        MemosServiceException full =
                MemosServiceException.of(400, 40002, "query is required", "req-7", "x".repeat(5_000), null);
        assertThat(full)
                .isInstanceOf(MemosBadRequestException.class)
                .hasMessage("HTTP 400, code 40002: query is required (request id req-7)");
        assertThat(full.serviceMessage()).isEqualTo("query is required");
        assertThat(full.requestId()).contains("req-7");
        assertThat(full.rawBody())
                .hasSize(MemosServiceException.MAX_RAW_BODY_CHARS + 3)
                .endsWith("...");

        MemosServiceException bare = new MemosServiceException(502, null, null, null, null);
        assertThat(bare).hasMessage("HTTP 502");
        assertThat(bare.serviceMessage()).isEmpty();
        assertThat(bare.requestId()).isEmpty();
        assertThat(bare.errorCode()).isEmpty();
        assertThat(bare.rawBody()).isEmpty();
    }

    @Test
    void rateLimitsCarryTheServersWait() {
        MemosServiceException limited =
                MemosServiceException.of(429, null, "slow down", null, null, Duration.ofSeconds(3));
        assertThat(limited)
                .isInstanceOfSatisfying(
                        MemosRateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
        assertThat(((MemosRateLimitException) MemosServiceException.of(429, null, "", null, null, null)).retryAfter())
                .isEmpty();
    }

    @Test
    void invalidResponsesAndUnsupportedEndpoints() {
        IllegalStateException parse = new IllegalStateException("bad json");
        MemosInvalidResponseException withBody =
                new MemosInvalidResponseException("not JSON", 502, "<html>" + "y".repeat(3_000), parse);
        assertThat(withBody.statusCode()).hasValue(502);
        assertThat(withBody.rawBody()).startsWith("<html>").hasSize(MemosServiceException.MAX_RAW_BODY_CHARS + 3);
        assertThat(withBody).hasCause(parse).hasMessage("not JSON");

        assertThat(new MemosInvalidResponseException("empty body").statusCode()).isEmpty();
        assertThat(new MemosInvalidResponseException("empty body").rawBody()).isEmpty();
        assertThat(new MemosInvalidResponseException("truncated", parse)).hasCause(parse);

        MemosUnsupportedOperationException unsupported =
                new MemosUnsupportedOperationException("create/knowledgebase", "cloud only");
        assertThat(unsupported.endpoint()).isEqualTo("create/knowledgebase");
        assertThat(unsupported).hasMessage("create/knowledgebase is not supported: cloud only");

        // the other subclasses are built directly by servers and fakes too
        assertThat(new MemosAuthenticationException(401, null, "m", null, null).statusCode())
                .isEqualTo(401);
        assertThat(new MemosQuotaExceededException(200, 40301, "m", null, null).errorCode())
                .contains(40301);
        assertThat(new MemosNotFoundException(404, null, "m", null, null)).hasMessage("HTTP 404: m");
        assertThat(new MemosServerException(500, null, "m", "r", null).requestId())
                .contains("r");
    }

    @Test
    void requestOptionsValidateAndKeepTheirHeaders() {
        RequestOptions options = RequestOptions.builder()
                .timeout(Duration.ofSeconds(2))
                .maxAttempts(1)
                .header("X-Trace", "t-1")
                .header("X-Tenant", "home")
                .build();
        assertThat(options.timeout()).contains(Duration.ofSeconds(2));
        assertThat(options.maxAttempts()).contains(1);
        assertThat(options.headers())
                .containsExactly(java.util.Map.entry("X-Trace", "t-1"), java.util.Map.entry("X-Tenant", "home"));
        assertThatThrownBy(() -> options.headers().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(options.toString()).contains("X-Trace").doesNotContain("t-1");

        assertThat(RequestOptions.none().timeout()).isEmpty();
        assertThat(RequestOptions.none().maxAttempts()).isEmpty();
        assertThat(RequestOptions.none().headers()).isEmpty();

        RequestOptions.Builder builder = RequestOptions.builder();
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive (was PT0S)");
        assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1)))
                .hasMessage("timeout must be positive (was PT-1S)");
        assertThatThrownBy(() -> builder.timeout(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("timeout");
        assertThatThrownBy(() -> builder.maxAttempts(0)).hasMessage("maxAttempts must be at least 1 (was 0)");
        assertThatThrownBy(() -> builder.header("authorization", "Token x"))
                .hasMessage("headers must not set Authorization; configure the API key instead");
        assertThatThrownBy(() -> builder.header(null, "v")).hasMessage("header name");
        assertThatThrownBy(() -> builder.header("n", null)).hasMessage("header value");
    }

    @Test
    void retryPolicyBuilderRulesAndBackoff() {
        RetryPolicy.Builder builder = RetryPolicy.builder();
        assertThatThrownBy(() -> builder.maxAttempts(0)).hasMessage("maxAttempts must be at least 1 (was 0)");
        assertThatThrownBy(() -> builder.initialBackoff(Duration.ofMillis(-1)))
                .hasMessage("initialBackoff must not be negative (was PT-0.001S)");
        assertThatThrownBy(() -> builder.maxBackoff(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("maxBackoff");
        assertThatThrownBy(() -> builder.maxRetryAfter(Duration.ofSeconds(-1)))
                .hasMessage("maxRetryAfter must not be negative (was PT-1S)");
        assertThatThrownBy(() -> builder.multiplier(0.5)).hasMessage("multiplier must be at least 1 (was 0.5)");
        assertThatThrownBy(() -> builder.multiplier(Double.NaN)).hasMessage("multiplier must be at least 1 (was NaN)");
        assertThatThrownBy(() -> builder.jitter(1.5)).hasMessage("jitter must be between 0 and 1 (was 1.5)");
        assertThatThrownBy(() -> builder.retryableStatuses(null)).hasMessage("retryableStatuses");
        assertThatThrownBy(() -> builder.retryableErrorCodes(null)).hasMessage("retryableErrorCodes");
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(10))
                        .maxBackoff(Duration.ofSeconds(1))
                        .build())
                .hasMessage("maxBackoff must not be shorter than initialBackoff");

        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1_000))
                .multiplier(3)
                .jitter(0)
                .maxRetryAfter(Duration.ofSeconds(5))
                .retryIoErrors(false)
                .retryableStatuses(Set.of(503))
                .retryableErrorCodes(Set.of(50000))
                .build();
        assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(900));
        assertThat(policy.backoff(4, 0.5)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(policy.retryIoErrors()).isFalse();
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.retryableStatuses()).containsExactly(503);
        assertThat(policy.retryableErrorCodes()).containsExactly(50000);
        assertThat(policy.toBuilder().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
        assertThat(policy).isNotEqualTo(RetryPolicy.defaults());
        assertThat(policy.toString()).contains("maxAttempts=5", "multiplier=3.0");

        RetryPolicy jittered = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(1_000))
                .maxBackoff(Duration.ofMillis(1_000))
                .jitter(0.2)
                .build();
        assertThat(jittered.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(jittered.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
