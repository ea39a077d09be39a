package dev.memos4j.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call overrides of the client's defaults: timeout, number of attempts, extra headers, and extra
 * fields for the JSON body.
 *
 * <pre>{@code
 * client.searchMemory(request, RequestOptions.builder().timeout(Duration.ofSeconds(2)).maxAttempts(1).build());
 * }</pre>
 *
 * <p>Extra body fields are the escape hatch for what this version does not model yet (a field the
 * service added, or one another MemOS integration sends); they are merged into the request's JSON
 * object as given, and one with the name of a modelled field replaces that field's value:
 *
 * <pre>{@code
 * client.searchMemory(request, RequestOptions.builder().putAdditionalBodyProperty("top_k", 10).build());
 * }</pre>
 */
public final class RequestOptions {

    private static final RequestOptions NONE = new RequestOptions(null, null, Map.of(), Map.of());

    private final Duration timeout;
    private final Integer maxAttempts;
    private final Map<String, String> headers;
    private final Map<String, Object> additionalBodyProperties;

    private RequestOptions(
            Duration timeout,
            Integer maxAttempts,
            Map<String, String> headers,
            Map<String, Object> additionalBodyProperties) {
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.headers = headers;
        this.additionalBodyProperties = additionalBodyProperties;
    }

    /**
     * No overrides: the client's defaults apply.
     *
     * @return the shared empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * A new builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The timeout for one attempt, overriding the client's.
     *
     * @return the timeout for one attempt, overriding the client's
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The total number of attempts (1 = no retry), overriding the retry policy's.
     *
     * @return the total number of attempts (1 = no retry), overriding the retry policy's
     */
    public Optional<Integer> maxAttempts() {
        return Optional.ofNullable(maxAttempts);
    }

    /**
     * Extra headers for this call; they cannot replace {@code Authorization}.
     *
     * @return the extra headers, unmodifiable, never null
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Extra fields merged into this call's JSON body, replacing modelled fields of the same name. Calls
     * without a JSON body ({@code get/memory/{id}}, the multipart upload) refuse them.
     *
     * @return the extra body fields in insertion order, unmodifiable, never null (values may be null)
     */
    public Map<String, Object> additionalBodyProperties() {
        return additionalBodyProperties;
    }

    // Names only: header and body values may hold user data.
    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", maxAttempts=" + maxAttempts + ", headers=" + headers.keySet()
                + ", additionalBodyProperties=" + additionalBodyProperties.keySet() + "}";
    }

    /** Builder of {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private Integer maxAttempts;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, Object> additionalBodyProperties = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Timeout of one attempt; must be positive.
         *
         * @param timeout the timeout of one attempt
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive (was " + timeout + ")");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Total attempts, at least 1.
         *
         * @param maxAttempts total attempts, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Adds a header to this call.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (name.equalsIgnoreCase("Authorization")) {
                throw new IllegalArgumentException("headers must not set Authorization; configure the API key instead");
            }
            headers.put(name, value);
            return this;
        }

        /**
         * Adds a field to this call's JSON body; it replaces a modelled field of the same name. The value is
         * written by the client's JSON mapper (strings, numbers, booleans, lists, maps, {@code java.time}
         * values, models); {@code null} sends a JSON {@code null}.
         *
         * @param name the JSON field name, e.g. {@code "top_k"}
         * @param value the value
         * @return this builder
         */
        public Builder putAdditionalBodyProperty(String name, Object value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("additional body property name must not be blank");
            }
            additionalBodyProperties.put(name, value);
            return this;
        }

        /**
         * Adds every entry as by {@link #putAdditionalBodyProperty(String, Object)}.
         *
         * @param properties the fields to add
         * @return this builder
         */
        public Builder putAllAdditionalBodyProperties(Map<String, ?> properties) {
            Objects.requireNonNull(properties, "properties");
            properties.forEach(this::putAdditionalBodyProperty);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the new {@link RequestOptions}
         */
        public RequestOptions build() {
            return new RequestOptions(
                    timeout,
                    maxAttempts,
                    Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(additionalBodyProperties)));
        }
    }
}
