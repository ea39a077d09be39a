package dev.memos4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.SearchFailurePolicy;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.prompt.PromptBuilder;
import dev.memos4j.client.MemosClient;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.springai.MemosMemoryAdvisor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MemosAutoConfigurationTest {

    private static final String KEY = "mpg-test-key-0123456789";

    // BM25 only: no model to load, so the embedded engine opens at once.
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(Embedder.class, Embedder::none)
            .withConfiguration(
                    AutoConfigurations.of(MemosClientAutoConfiguration.class, MemosSpringAiAutoConfiguration.class));

    @Test
    void aKeyGivesTheHttpClientAndTheAdvisor() {
        runner.withPropertyValues("memos.api-key=" + KEY, "memos.base-url=https://memos.example.com/api/openmem/v1")
                .run(context -> {
                    assertThat(context).hasSingleBean(MemosClient.class).hasSingleBean(MemosMemoryAdvisor.class);
                    assertThat(context.getBean(MemosClient.class)).isNotInstanceOf(LocalMemos.class);
                    assertThat(context.getBean(MemosClient.class).toString()).doesNotContain(KEY);
                    assertThat(context.getBean(MemosProperties.class).toString())
                            .doesNotContain(KEY);
                });
    }

    @Test
    void withoutAKeyTheEmbeddedEngineOpensInTheDataDirectory(@TempDir Path dir) {
        Path data = dir.resolve("memories");
        runner.withPropertyValues("memos.local.data-dir=" + data).run(context -> {
            assertThat(context).hasSingleBean(MemosClient.class).hasSingleBean(MemosMemoryAdvisor.class);
            assertThat(context.getBean(MemosClient.class)).isInstanceOf(LocalMemos.class);
            assertThat(context.getBean(MemosClient.class).toString())
                    .contains(data.toString())
                    .contains("embedder=" + Embedder.none().name());
        });
        // Closed with the context: the directory is released and can be opened again.
        try (LocalMemos again = LocalMemos.builder()
                .dataDirectory(data)
                .embedder(Embedder.none())
                .build()) {
            assertThat(Files.isDirectory(data)).isTrue();
        }
    }

    @Test
    void withoutAKeyAndWithoutMemosLocalThereIsNoClientAndNoAdvisor() {
        runner.withClassLoader(new FilteredClassLoader(LocalMemos.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MemosClient.class).doesNotHaveBean(MemosMemoryAdvisor.class);
        });
    }

    @Test
    void withoutSpringAiThereIsAClientButNoAdvisor() {
        runner.withClassLoader(new FilteredClassLoader(ChatClient.class)).run(context -> {
            assertThat(context).hasSingleBean(MemosClient.class).doesNotHaveBean(MemosMemoryAdvisor.class);
        });
    }

    @Test
    void theAdvisorCanBeSwitchedOff() {
        runner.withPropertyValues("memos.advisor.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(MemosClient.class).doesNotHaveBean(MemosMemoryAdvisor.class);
        });
    }

    @Test
    void applicationBeansReplaceEveryPiece() {
        runner.withPropertyValues("memos.api-key=" + KEY)
                .withUserConfiguration(OwnBeans.class)
                .run(context -> {
                    assertThat(context.getBean(MemosClient.class)).isSameAs(OwnBeans.CLIENT);
                    assertThat(context.getBean(MemosMemoryAdvisor.class)).isSameAs(OwnBeans.ADVISOR);
                });
    }

    @Test
    void advisorSettingsComeFromProperties() {
        runner.withPropertyValues(
                        "memos.advisor.memory-limit=3",
                        "memos.advisor.preference-limit=2",
                        "memos.advisor.relativity-threshold=0.4",
                        "memos.advisor.search-timeout=2s",
                        "memos.advisor.write-back=sync",
                        "memos.advisor.search-failure=strict",
                        "memos.advisor.order=42")
                .withBean(PromptBuilder.class, () -> context -> List.of(ChatMessage.user(context.query())))
                .run(context -> {
                    MemosMemoryAdvisor advisor = context.getBean(MemosMemoryAdvisor.class);
                    assertThat(advisor.getOrder()).isEqualTo(42);
                    assertThat(advisor.options().memoryLimit()).isEqualTo(3);
                    assertThat(advisor.options().preferenceLimit()).isEqualTo(2);
                    assertThat(advisor.options().relativityThreshold()).contains(0.4);
                    assertThat(advisor.options().searchTimeout()).hasSeconds(2);
                    assertThat(advisor.options().writeBackPolicy()).isEqualTo(WriteBackPolicy.SYNC);
                    assertThat(advisor.options().searchFailurePolicy()).isEqualTo(SearchFailurePolicy.STRICT);
                });
    }

    @Test
    void anOutOfRangeSettingFailsStartupNamingTheField() {
        runner.withPropertyValues("memos.advisor.memory-limit=99").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("memoryLimit must be between 0 and 25");
        });
    }

    @Test
    void propertiesHaveMetadataForIdes() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json)
                    .contains("\"memos.api-key\"", "\"memos.base-url\"", "\"memos.timeout\"", "\"memos.max-attempts\"")
                    .contains("\"memos.local.data-dir\"", "\"memos.advisor.relativity-threshold\"")
                    .contains("MemOS API key");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final MemosClient CLIENT =
                LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
        static final MemosMemoryAdvisor ADVISOR =
                MemosMemoryAdvisor.builder(CLIENT).build();

        @Bean
        MemosClient myMemos() {
            return CLIENT;
        }

        @Bean
        MemosMemoryAdvisor myAdvisor() {
            return ADVISOR;
        }
    }
}
