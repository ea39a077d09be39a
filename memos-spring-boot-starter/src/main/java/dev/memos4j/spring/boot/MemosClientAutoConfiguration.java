package dev.memos4j.spring.boot;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.MemosClientBuilder;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link MemosClient} bean: the HTTP client when {@code memos.api-key} is set, else the embedded engine
 * ({@code LocalMemos}, in {@code memos.local.data-dir} or in memory, with an {@code Embedder} bean when there
 * is one, else the default model) when memos-local is on the classpath.
 * An application's own {@code MemosClient} bean replaces both. The bean is closed with the context.
 */
@AutoConfiguration
@ConditionalOnClass(MemosClient.class)
@EnableConfigurationProperties(MemosProperties.class)
public class MemosClientAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MemosClientAutoConfiguration.class);

    /** Creates the configuration; Spring calls this. */
    public MemosClientAutoConfiguration() {}

    /** The HTTP client, when an API key is configured. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(ApiKeyCondition.Present.class)
    static class HttpClientConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MemosClient memosClient(MemosProperties properties) {
            MemosClientBuilder builder = MemosClient.builder()
                    .apiKey(properties.getApiKey().trim())
                    .isGlobal(properties.isGlobal())
                    .connectTimeout(properties.getConnectTimeout())
                    .timeout(properties.getTimeout())
                    .retryPolicy(RetryPolicy.defaults().toBuilder()
                            .maxAttempts(properties.getMaxAttempts())
                            .build());
            if (properties.getBaseUrl() != null && !properties.getBaseUrl().isBlank()) {
                builder.baseUrl(properties.getBaseUrl());
            }
            return builder.build();
        }
    }

    /** The embedded engine, when memos-local is present and no API key is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.memos4j.local.LocalMemos")
    @Conditional(ApiKeyCondition.Absent.class)
    static class LocalClientConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MemosClient memosClient(MemosProperties properties, ObjectProvider<Embedder> embedder) {
            LocalMemos.Builder local = LocalMemos.builder().embedder(embedder.getIfAvailable(Embedder::defaultModel));
            if (properties.getLocal().getDataDir() == null) {
                LOG.warn("memos: no memos.api-key and no memos.local.data-dir: memories are kept in memory and lost"
                        + " on shutdown");
                return local.inMemory().build();
            }
            return local.dataDirectory(properties.getLocal().getDataDir()).build();
        }
    }
}
