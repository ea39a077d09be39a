package dev.memos4j.assistant;

import dev.memos4j.assistant.llm.LlmOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits and policies of {@link MemoryAugmentedChat}.
 *
 * <pre>{@code
 * ChatOptions options = ChatOptions.builder()
 *     .memoryLimit(8)
 *     .relativityThreshold(0.6)
 *     .searchTimeout(Duration.ofSeconds(3))
 *     .writeBackPolicy(WriteBackPolicy.SYNC)
 *     .build();
 * }</pre>
 */
public final class ChatOptions {

    /**
     * The default {@link #relativityThreshold()}: 0.45, where MemOS cloud clients commonly cut (the MemOS
     * OpenClaw plugin's default, and the self-hosted server's). A memory less relevant than this is not put
     * into the prompt, so a question about something never said gets no memories instead of the least
     * unrelated ones.
     */
    public static final double DEFAULT_RELATIVITY_THRESHOLD = 0.45;

    private static final ChatOptions DEFAULTS = new Builder().build();

    private final int memoryLimit;
    private final int preferenceLimit;
    private final double relativityThreshold;
    private final boolean includePreferences;
    private final Duration searchTimeout;
    private final WriteBackPolicy writeBackPolicy;
    private final SearchFailurePolicy searchFailurePolicy;
    private final LlmOptions llmOptions;

    private ChatOptions(Builder b) {
        this.memoryLimit = b.memoryLimit;
        this.preferenceLimit = b.preferenceLimit;
        this.relativityThreshold = b.relativityThreshold;
        this.includePreferences = b.includePreferences;
        this.searchTimeout = b.searchTimeout;
        this.writeBackPolicy = b.writeBackPolicy;
        this.searchFailurePolicy = b.searchFailurePolicy;
        this.llmOptions = b.llmOptions;
    }

    /**
     * The defaults: 6 memories, 6 preferences, a relativity threshold of
     * {@value #DEFAULT_RELATIVITY_THRESHOLD}, preferences included, a 10 s search timeout,
     * {@link WriteBackPolicy#ASYNC}, {@link SearchFailurePolicy#DEGRADE}, the provider's LLM defaults.
     *
     * @return the default options
     */
    public static ChatOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to make a variant.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.memoryLimit = memoryLimit;
        b.preferenceLimit = preferenceLimit;
        b.relativityThreshold = relativityThreshold;
        b.includePreferences = includePreferences;
        b.searchTimeout = searchTimeout;
        b.writeBackPolicy = writeBackPolicy;
        b.searchFailurePolicy = searchFailurePolicy;
        b.llmOptions = llmOptions;
        return b;
    }

    /**
     * The most fact memories a turn uses ({@code memory_limit_number}).
     *
     * @return 0..25
     */
    public int memoryLimit() {
        return memoryLimit;
    }

    /**
     * The most preferences a turn uses ({@code preference_limit_number}).
     *
     * @return 0..25
     */
    public int preferenceLimit() {
        return preferenceLimit;
    }

    /**
     * The minimum relevance of a memory or preference ({@code relativity}): sent with the search and applied
     * to what comes back. {@value #DEFAULT_RELATIVITY_THRESHOLD} by default; 0 keeps everything the search
     * returns. Always present (an {@code Optional} for compatibility with earlier releases).
     *
     * @return the threshold, 0..1
     */
    public Optional<Double> relativityThreshold() {
        return Optional.of(relativityThreshold);
    }

    /**
     * Whether preferences are searched and put into the prompt.
     *
     * @return true by default
     */
    public boolean includePreferences() {
        return includePreferences;
    }

    /**
     * How long the memory search may take before the turn goes on without it (or fails, in strict mode).
     *
     * @return the timeout
     */
    public Duration searchTimeout() {
        return searchTimeout;
    }

    /**
     * When the exchange is stored.
     *
     * @return the policy
     */
    public WriteBackPolicy writeBackPolicy() {
        return writeBackPolicy;
    }

    /**
     * What a failed search does to the turn.
     *
     * @return the policy
     */
    public SearchFailurePolicy searchFailurePolicy() {
        return searchFailurePolicy;
    }

    /**
     * Options passed to the LLM with every turn.
     *
     * @return the LLM options
     */
    public LlmOptions llmOptions() {
        return llmOptions;
    }

    @Override
    public String toString() {
        return "ChatOptions{memoryLimit=" + memoryLimit + ", preferenceLimit=" + preferenceLimit
                + ", relativityThreshold=" + relativityThreshold + ", includePreferences=" + includePreferences
                + ", searchTimeout=" + searchTimeout + ", writeBackPolicy=" + writeBackPolicy
                + ", searchFailurePolicy=" + searchFailurePolicy + ", llmOptions=" + llmOptions + "}";
    }

    /** Builds {@link ChatOptions}; each setter names the field and the rule when a value is wrong. */
    public static final class Builder {
        private int memoryLimit = 6;
        private int preferenceLimit = 6;
        private double relativityThreshold = DEFAULT_RELATIVITY_THRESHOLD;
        private boolean includePreferences = true;
        private Duration searchTimeout = Duration.ofSeconds(10);
        private WriteBackPolicy writeBackPolicy = WriteBackPolicy.ASYNC;
        private SearchFailurePolicy searchFailurePolicy = SearchFailurePolicy.DEGRADE;
        private LlmOptions llmOptions = LlmOptions.none();

        private Builder() {}

        /**
         * The most fact memories per turn.
         *
         * @param memoryLimit 0..25
         * @return this builder
         */
        public Builder memoryLimit(int memoryLimit) {
            this.memoryLimit = range(memoryLimit, "memoryLimit");
            return this;
        }

        /**
         * The most preferences per turn.
         *
         * @param preferenceLimit 0..25
         * @return this builder
         */
        public Builder preferenceLimit(int preferenceLimit) {
            this.preferenceLimit = range(preferenceLimit, "preferenceLimit");
            return this;
        }

        /**
         * The minimum relevance of a memory or preference; {@value ChatOptions#DEFAULT_RELATIVITY_THRESHOLD} by default.
         * Raise it for fewer, surer memories; 0 disables the cut.
         *
         * @param relativityThreshold 0..1; 0 keeps every memory the search returns
         * @return this builder
         */
        public Builder relativityThreshold(double relativityThreshold) {
            if (!(relativityThreshold >= 0 && relativityThreshold <= 1)) {
                throw new IllegalArgumentException(
                        "relativityThreshold must be between 0 and 1, was " + relativityThreshold);
            }
            this.relativityThreshold = relativityThreshold;
            return this;
        }

        /**
         * Whether preferences are searched and used.
         *
         * @param includePreferences true to use them
         * @return this builder
         */
        public Builder includePreferences(boolean includePreferences) {
            this.includePreferences = includePreferences;
            return this;
        }

        /**
         * The search timeout.
         *
         * @param searchTimeout positive
         * @return this builder
         */
        public Builder searchTimeout(Duration searchTimeout) {
            Objects.requireNonNull(searchTimeout, "searchTimeout");
            if (searchTimeout.isZero() || searchTimeout.isNegative()) {
                throw new IllegalArgumentException("searchTimeout must be positive, was " + searchTimeout);
            }
            this.searchTimeout = searchTimeout;
            return this;
        }

        /**
         * When the exchange is stored.
         *
         * @param writeBackPolicy the policy
         * @return this builder
         */
        public Builder writeBackPolicy(WriteBackPolicy writeBackPolicy) {
            this.writeBackPolicy = Objects.requireNonNull(writeBackPolicy, "writeBackPolicy");
            return this;
        }

        /**
         * What a failed search does.
         *
         * @param searchFailurePolicy the policy
         * @return this builder
         */
        public Builder searchFailurePolicy(SearchFailurePolicy searchFailurePolicy) {
            this.searchFailurePolicy = Objects.requireNonNull(searchFailurePolicy, "searchFailurePolicy");
            return this;
        }

        /**
         * Options passed to the LLM with every turn.
         *
         * @param llmOptions the options
         * @return this builder
         */
        public Builder llmOptions(LlmOptions llmOptions) {
            this.llmOptions = Objects.requireNonNull(llmOptions, "llmOptions");
            return this;
        }

        /**
         * The options.
         *
         * @return immutable options
         */
        public ChatOptions build() {
            return new ChatOptions(this);
        }

        private static int range(int value, String field) {
            if (value < 0 || value > 25) {
                throw new IllegalArgumentException(field + " must be between 0 and 25, was " + value);
            }
            return value;
        }
    }
}
