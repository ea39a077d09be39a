package dev.memos4j.spring.boot;

import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.SearchFailurePolicy;
import dev.memos4j.assistant.WriteBackPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code memos.*} properties.
 *
 * <pre>
 * memos.api-key=${MEMOS_API_KEY}
 * memos.timeout=20s
 * memos.advisor.memory-limit=8
 * memos.advisor.relativity-threshold=0.3
 * </pre>
 */
@ConfigurationProperties(prefix = "memos")
public class MemosProperties {

    /** MemOS API key; when set, memory is MemOS cloud (or the server at base-url). */
    private String apiKey;

    /** Base URL of a MemOS-compatible server; the cloud's region default when unset. */
    private String baseUrl;

    /** Whether the cloud's global region is used when no base-url is set. */
    private boolean global;

    /** How long connecting to the memory service may take. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** How long one call to the memory service may take. */
    private Duration timeout = Duration.ofSeconds(30);

    /** How many attempts a retryable call gets, the first included (1 = no retries). */
    private int maxAttempts = 3;

    /** The embedded engine, used when memos-local is on the classpath and no api-key is set. */
    private final Local local = new Local();

    /** The Spring AI advisor. */
    private final Advisor advisor = new Advisor();

    /**
     * The API key.
     *
     * @return the key, or null
     */
    public String getApiKey() {
        return apiKey;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the key
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * The base URL.
     *
     * @return the URL, or null for the cloud
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the base URL.
     *
     * @param baseUrl the URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Whether the global region is used.
     *
     * @return true for the global region
     */
    public boolean isGlobal() {
        return global;
    }

    /**
     * Sets whether the global region is used.
     *
     * @param global true for the global region
     */
    public void setGlobal(boolean global) {
        this.global = global;
    }

    /**
     * The connect timeout.
     *
     * @return the timeout
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The per-call timeout.
     *
     * @return the timeout
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Sets the per-call timeout.
     *
     * @param timeout the timeout
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The attempts of a retryable call.
     *
     * @return at least 1
     */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * Sets the attempts of a retryable call.
     *
     * @param maxAttempts at least 1
     */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /**
     * The embedded engine's settings.
     *
     * @return the settings
     */
    public Local getLocal() {
        return local;
    }

    /**
     * The advisor's settings.
     *
     * @return the settings
     */
    public Advisor getAdvisor() {
        return advisor;
    }

    @Override
    public String toString() {
        return "MemosProperties{apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "***") + ", baseUrl="
                + baseUrl + ", global=" + global + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts + "}";
    }

    /** The {@code memos.local.*} properties. */
    public static class Local {

        /** Where the embedded engine keeps memories; in memory (lost on shutdown) when unset. */
        private Path dataDir;

        /**
         * The data directory.
         *
         * @return the directory, or null for in memory
         */
        public Path getDataDir() {
            return dataDir;
        }

        /**
         * Sets the data directory.
         *
         * @param dataDir the directory
         */
        public void setDataDir(Path dataDir) {
            this.dataDir = dataDir;
        }
    }

    /** The {@code memos.advisor.*} properties. */
    public static class Advisor {

        /** Whether the MemosMemoryAdvisor bean is created. */
        private boolean enabled = true;

        /** The most fact memories put into a prompt (0..25). */
        private int memoryLimit = ChatOptions.defaults().memoryLimit();

        /** The most preferences put into a prompt (0..25). */
        private int preferenceLimit = ChatOptions.defaults().preferenceLimit();

        /** Whether preferences are searched and used. */
        private boolean includePreferences = true;

        /** The minimum relevance (0..1) of a memory put into a prompt; the service's default when unset. */
        private Double relativityThreshold;

        /** How long the memory search may take before the answer goes on without memories. */
        private Duration searchTimeout = ChatOptions.defaults().searchTimeout();

        /** When the exchange is stored: ASYNC (the reply never waits), SYNC or NONE. */
        private WriteBackPolicy writeBack = WriteBackPolicy.ASYNC;

        /** What a failed search does: DEGRADE (answer without memories) or STRICT (fail the call). */
        private SearchFailurePolicy searchFailure = SearchFailurePolicy.DEGRADE;

        /** The advisor's order; Spring AI's chat-memory advisor order by default. */
        private int order = org.springframework.ai.chat.client.advisor.api.Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER;

        /**
         * Whether the advisor bean is created.
         *
         * @return true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the advisor bean is created.
         *
         * @param enabled false to leave it out
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The memory limit.
         *
         * @return 0..25
         */
        public int getMemoryLimit() {
            return memoryLimit;
        }

        /**
         * Sets the memory limit.
         *
         * @param memoryLimit 0..25
         */
        public void setMemoryLimit(int memoryLimit) {
            this.memoryLimit = memoryLimit;
        }

        /**
         * The preference limit.
         *
         * @return 0..25
         */
        public int getPreferenceLimit() {
            return preferenceLimit;
        }

        /**
         * Sets the preference limit.
         *
         * @param preferenceLimit 0..25
         */
        public void setPreferenceLimit(int preferenceLimit) {
            this.preferenceLimit = preferenceLimit;
        }

        /**
         * Whether preferences are used.
         *
         * @return true by default
         */
        public boolean isIncludePreferences() {
            return includePreferences;
        }

        /**
         * Sets whether preferences are used.
         *
         * @param includePreferences true to use them
         */
        public void setIncludePreferences(boolean includePreferences) {
            this.includePreferences = includePreferences;
        }

        /**
         * The relevance threshold.
         *
         * @return 0..1, or null for the service's default
         */
        public Double getRelativityThreshold() {
            return relativityThreshold;
        }

        /**
         * Sets the relevance threshold.
         *
         * @param relativityThreshold 0..1
         */
        public void setRelativityThreshold(Double relativityThreshold) {
            this.relativityThreshold = relativityThreshold;
        }

        /**
         * The search timeout.
         *
         * @return the timeout
         */
        public Duration getSearchTimeout() {
            return searchTimeout;
        }

        /**
         * Sets the search timeout.
         *
         * @param searchTimeout positive
         */
        public void setSearchTimeout(Duration searchTimeout) {
            this.searchTimeout = searchTimeout;
        }

        /**
         * The write-back policy.
         *
         * @return the policy
         */
        public WriteBackPolicy getWriteBack() {
            return writeBack;
        }

        /**
         * Sets the write-back policy.
         *
         * @param writeBack the policy
         */
        public void setWriteBack(WriteBackPolicy writeBack) {
            this.writeBack = writeBack;
        }

        /**
         * The search failure policy.
         *
         * @return the policy
         */
        public SearchFailurePolicy getSearchFailure() {
            return searchFailure;
        }

        /**
         * Sets the search failure policy.
         *
         * @param searchFailure the policy
         */
        public void setSearchFailure(SearchFailurePolicy searchFailure) {
            this.searchFailure = searchFailure;
        }

        /**
         * The advisor's order.
         *
         * @return the order
         */
        public int getOrder() {
            return order;
        }

        /**
         * Sets the advisor's order.
         *
         * @param order lower runs earlier
         */
        public void setOrder(int order) {
            this.order = order;
        }

        /**
         * These settings as chat options; a value out of range fails here, naming the field.
         *
         * @return the options
         */
        public ChatOptions toChatOptions() {
            ChatOptions.Builder options = ChatOptions.builder()
                    .memoryLimit(memoryLimit)
                    .preferenceLimit(preferenceLimit)
                    .includePreferences(includePreferences)
                    .searchTimeout(searchTimeout)
                    .writeBackPolicy(writeBack)
                    .searchFailurePolicy(searchFailure);
            if (relativityThreshold != null) {
                options.relativityThreshold(relativityThreshold);
            }
            return options.build();
        }
    }
}
