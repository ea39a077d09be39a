package dev.memos4j.assistant.llm;

import java.util.List;
import java.util.Optional;

/**
 * Sampling and routing options of one completion. Every field is optional: a provider sends only the
 * ones that are set and lets the server's defaults apply to the rest.
 *
 * <pre>{@code
 * LlmOptions options = LlmOptions.builder().model("gpt-4o-mini").temperature(0.2).maxTokens(400).build();
 * }</pre>
 */
public final class LlmOptions {

    private static final LlmOptions NONE = new Builder().build();

    private final String model;
    private final Double temperature;
    private final Double topP;
    private final Integer maxTokens;
    private final List<String> stop;
    private final Long seed;
    private final String user;

    private LlmOptions(Builder b) {
        this.model = b.model;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.maxTokens = b.maxTokens;
        this.stop = List.copyOf(b.stop);
        this.seed = b.seed;
        this.user = b.user;
    }

    /**
     * No options: the provider's and the server's defaults.
     *
     * @return the empty options
     */
    public static LlmOptions none() {
        return NONE;
    }

    /**
     * A new builder.
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
        b.model = model;
        b.temperature = temperature;
        b.topP = topP;
        b.maxTokens = maxTokens;
        b.stop = List.copyOf(stop);
        b.seed = seed;
        b.user = user;
        return b;
    }

    /**
     * The model; when empty the provider's default model is used.
     *
     * @return the model name
     */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /**
     * Sampling temperature, 0..2.
     *
     * @return the temperature
     */
    public Optional<Double> temperature() {
        return Optional.ofNullable(temperature);
    }

    /**
     * Nucleus sampling mass, 0..1 ({@code top_p}).
     *
     * @return top_p
     */
    public Optional<Double> topP() {
        return Optional.ofNullable(topP);
    }

    /**
     * The maximum number of tokens in the answer.
     *
     * @return the limit
     */
    public Optional<Integer> maxTokens() {
        return Optional.ofNullable(maxTokens);
    }

    /**
     * Stop sequences; empty when none.
     *
     * @return the sequences
     */
    public List<String> stop() {
        return stop;
    }

    /**
     * A seed for best-effort deterministic sampling.
     *
     * @return the seed
     */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    /**
     * An opaque end-user id the server may use for abuse monitoring ({@code user}).
     *
     * @return the end-user id
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public String toString() {
        return "LlmOptions{model=" + model + ", temperature=" + temperature + ", topP=" + topP + ", maxTokens="
                + maxTokens + ", stop=" + stop + ", seed=" + seed + ", user=" + user + "}";
    }

    /** Builds {@link LlmOptions}; each setter validates its value and names the field when it is wrong. */
    public static final class Builder {
        private String model;
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private List<String> stop = List.of();
        private Long seed;
        private String user;

        private Builder() {}

        /**
         * The model name.
         *
         * @param model e.g. {@code gpt-4o}; not blank
         * @return this builder
         */
        public Builder model(String model) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            this.model = model;
            return this;
        }

        /**
         * Sampling temperature.
         *
         * @param temperature 0..2
         * @return this builder
         */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /**
         * Nucleus sampling mass.
         *
         * @param topP 0..1
         * @return this builder
         */
        public Builder topP(double topP) {
            if (!(topP >= 0 && topP <= 1)) {
                throw new IllegalArgumentException("top_p must be between 0 and 1, was " + topP);
            }
            this.topP = topP;
            return this;
        }

        /**
         * The maximum number of answer tokens.
         *
         * @param maxTokens at least 1
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("max_tokens must be at least 1, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Stop sequences (at most 4 for OpenAI).
         *
         * @param stop the sequences; none may be empty
         * @return this builder
         */
        public Builder stop(List<String> stop) {
            for (String s : stop) {
                if (s == null || s.isEmpty()) {
                    throw new IllegalArgumentException("stop must not contain empty sequences");
                }
            }
            this.stop = List.copyOf(stop);
            return this;
        }

        /**
         * A sampling seed.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * An opaque end-user id.
         *
         * @param user not blank
         * @return this builder
         */
        public Builder user(String user) {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("user must not be blank");
            }
            this.user = user;
            return this;
        }

        /**
         * The options.
         *
         * @return immutable options
         */
        public LlmOptions build() {
            return new LlmOptions(this);
        }
    }
}
