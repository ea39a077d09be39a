package dev.memos4j.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which failures the client retries, how often, and how long it waits in between. Immutable; replace it
 * on the builder ({@link MemosClientBuilder#retryPolicy(RetryPolicy)}) or per call
 * ({@link RequestOptions.Builder#maxAttempts(int)}).
 *
 * <p>Defaults: 3 attempts in total; I/O errors and timeouts, HTTP 408, 429 and 5xx, and the envelope codes
 * 50000, 50004, 50005 and 50143 are retried; a {@code Retry-After} header is obeyed (up to
 * {@link #maxRetryAfter()}), otherwise the wait starts at 500 ms and doubles up to 8 s, spread by
 * &plusmn;20% jitter. Authentication and other client errors are never retried. Calls that create
 * something ({@code add/message}, {@code add/feedback}, {@code chat}, {@code create/knowledgebase},
 * {@code add/knowledgebase-file}) are retried only when the request was certainly not processed: the
 * connection could not be made, or the service answered 429 or 503.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(5).maxBackoff(Duration.ofSeconds(20)).build();
 * MemosClient memos = MemosClient.builder().apiKey(key).retryPolicy(patient).build();
 * }</pre>
 */
public final class RetryPolicy {

    /** HTTP statuses retried by default: 408, 429 and every 5xx. */
    public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES;

    /** Envelope codes retried by default: 50000, 50004, 50005, 50143 (the service says "retry later"). */
    public static final Set<Integer> DEFAULT_RETRYABLE_ERROR_CODES = Set.of(50000, 50004, 50005, 50143);

    static {
        Set<Integer> statuses = new TreeSet<>();
        statuses.add(408);
        statuses.add(429);
        for (int status = 500; status < 600; status++) {
            statuses.add(status);
        }
        DEFAULT_RETRYABLE_STATUSES = Collections.unmodifiableSet(statuses);
    }

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final boolean retryIoErrors;
    private final Set<Integer> retryableStatuses;
    private final Set<Integer> retryableErrorCodes;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryIoErrors = b.retryIoErrors;
        this.retryableStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryableStatuses));
        this.retryableErrorCodes = Collections.unmodifiableSet(new TreeSet<>(b.retryableErrorCodes));
    }

    /**
     * The default policy described on this class.
     *
     * @return the default policy described on this class
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: one attempt per call.
     *
     * @return a policy that never retries: one attempt per call
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder holding the default values
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy.
     *
     * @return a new builder holding this policy's values
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.multiplier = multiplier;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.retryIoErrors = retryIoErrors;
        b.retryableStatuses = new LinkedHashSet<>(retryableStatuses);
        b.retryableErrorCodes = new LinkedHashSet<>(retryableErrorCodes);
        return b;
    }

    /**
     * Total attempts per call, including the first (1 = no retry).
     *
     * @return the total number of attempts, at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the first retry, before jitter.
     *
     * @return the wait before the first retry, before jitter
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest wait between attempts computed by backoff.
     *
     * @return the longest wait between attempts computed by backoff
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * How much the wait grows after each retry.
     *
     * @return how much the wait grows after each retry
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The random spread of each wait, as a fraction: 0.2 means &plusmn;20%.
     *
     * @return the random spread of each wait, as a fraction: 0.2 means &plusmn;20%
     */
    public double jitter() {
        return jitter;
    }

    /**
     * The longest {@code Retry-After} the client waits for; a longer one ends the call with its error.
     *
     * @return the longest {@code Retry-After} the client waits for; a longer one ends the call with its error
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Whether I/O errors and timeouts are retried.
     *
     * @return whether I/O errors and timeouts are retried
     */
    public boolean retryIoErrors() {
        return retryIoErrors;
    }

    /**
     * HTTP statuses that are retried.
     *
     * @return the retried HTTP statuses, unmodifiable
     */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /**
     * Envelope {@code code} values that are retried.
     *
     * @return the retried envelope codes, unmodifiable
     */
    public Set<Integer> retryableErrorCodes() {
        return retryableErrorCodes;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) when the server gave no
     * {@code Retry-After}.
     *
     * @param retry the retry number, starting at 1
     * @param random a value in [0, 1) that places the wait inside the jitter range
     * @return the wait, never negative and never above {@link #maxBackoff()}
     */
    public Duration backoff(int retry, double random) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double spread = capped * (1 - jitter + 2 * jitter * random);
        return Duration.ofMillis(Math.round(Math.min(Math.max(spread, 0), maxBackoff.toMillis())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p
                && maxAttempts == p.maxAttempts
                && initialBackoff.equals(p.initialBackoff)
                && maxBackoff.equals(p.maxBackoff)
                && multiplier == p.multiplier
                && jitter == p.jitter
                && maxRetryAfter.equals(p.maxRetryAfter)
                && retryIoErrors == p.retryIoErrors
                && retryableStatuses.equals(p.retryableStatuses)
                && retryableErrorCodes.equals(p.retryableErrorCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                maxAttempts,
                initialBackoff,
                maxBackoff,
                multiplier,
                jitter,
                maxRetryAfter,
                retryIoErrors,
                retryableStatuses,
                retryableErrorCodes);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter
                + ", maxRetryAfter=" + maxRetryAfter + ", retryIoErrors=" + retryIoErrors
                + ", retryableErrorCodes=" + retryableErrorCodes + "}";
    }

    /** Builder of {@link RetryPolicy}; starts from the defaults. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private boolean retryIoErrors = true;
        private Set<Integer> retryableStatuses = new LinkedHashSet<>(DEFAULT_RETRYABLE_STATUSES);
        private Set<Integer> retryableErrorCodes = new LinkedHashSet<>(DEFAULT_RETRYABLE_ERROR_CODES);

        private Builder() {}

        /**
         * Total attempts per call, at least 1.
         *
         * @param maxAttempts total attempts per call, at least 1
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
         * The wait before the first retry; zero or positive.
         *
         * @param initialBackoff the wait before the first retry; zero or positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * The longest backoff wait; zero or positive.
         *
         * @param maxBackoff the longest backoff wait; zero or positive
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Growth factor of the wait, at least 1.
         *
         * @param multiplier growth factor of the wait, at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("multiplier must be at least 1 (was " + multiplier + ")");
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Random spread of each wait as a fraction between 0 (none) and 1.
         *
         * @param jitter random spread of each wait as a fraction between 0 (none) and 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1 (was " + jitter + ")");
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * The longest {@code Retry-After} worth waiting for; zero or positive.
         *
         * @param maxRetryAfter the longest {@code Retry-After} worth waiting for; zero or positive
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Whether I/O errors and timeouts are retried.
         *
         * @param retryIoErrors whether I/O errors and timeouts are retried
         * @return this builder
         */
        public Builder retryIoErrors(boolean retryIoErrors) {
            this.retryIoErrors = retryIoErrors;
            return this;
        }

        /**
         * Replaces the retried HTTP statuses.
         *
         * @param statuses the retried HTTP statuses
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            this.retryableStatuses = new LinkedHashSet<>(Objects.requireNonNull(statuses, "retryableStatuses"));
            return this;
        }

        /**
         * Replaces the retried envelope codes.
         *
         * @param codes the retried envelope codes
         * @return this builder
         */
        public Builder retryableErrorCodes(Set<Integer> codes) {
            this.retryableErrorCodes = new LinkedHashSet<>(Objects.requireNonNull(codes, "retryableErrorCodes"));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the new {@link RetryPolicy}
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative (was " + value + ")");
            }
            return value;
        }
    }
}
