package dev.memos4j.spring.boot;

import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.assistant.prompt.PromptBuilder;
import dev.memos4j.client.MemosClient;
import dev.memos4j.springai.MemosMemoryAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link MemosMemoryAdvisor} bean, when Spring AI's {@code ChatClient} is on the classpath and there is a
 * {@link MemosClient}; its settings come from {@code memos.advisor.*}, its prompt from a {@link PromptBuilder}
 * bean when there is one. Add it to a {@code ChatClient} with {@code defaultAdvisors(advisor)}; an
 * application's own advisor bean replaces it, and {@code memos.advisor.enabled=false} leaves it out.
 */
@AutoConfiguration(after = MemosClientAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.ai.chat.client.ChatClient", "dev.memos4j.springai.MemosMemoryAdvisor"})
@ConditionalOnProperty(prefix = "memos.advisor", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MemosProperties.class)
public class MemosSpringAiAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public MemosSpringAiAutoConfiguration() {}

    /**
     * The advisor.
     *
     * @param memos the memory client
     * @param properties the {@code memos.*} properties
     * @param promptBuilder an application's prompt builder, if any
     * @return the advisor
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MemosClient.class)
    public MemosMemoryAdvisor memosMemoryAdvisor(
            MemosClient memos, MemosProperties properties, ObjectProvider<PromptBuilder> promptBuilder) {
        return MemosMemoryAdvisor.builder(memos)
                .options(properties.getAdvisor().toChatOptions())
                .order(properties.getAdvisor().getOrder())
                .promptBuilder(promptBuilder.getIfAvailable(DefaultPromptBuilder::create))
                .build();
    }
}
