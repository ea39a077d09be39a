package dev.memos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** This test tree registers the provider, as a user's would; it captures every level with stack traces. */
class CapturingLogProviderTest {

    @Test
    void capturesEveryLevelWithStackTraces() {
        CapturingLogProvider.clear();

        LoggerFactory.getLogger("app").trace("tracing {}", 1);
        LoggerFactory.getLogger("app").warn("failed", new IllegalStateException("boom"));

        assertThat(CapturingLogProvider.lines()).hasSize(2);
        assertThat(CapturingLogProvider.lines().get(0)).isEqualTo("TRACE app - tracing 1");
        assertThat(CapturingLogProvider.lines().get(1))
                .startsWith("WARN app - failed")
                .contains("java.lang.IllegalStateException: boom");
        CapturingLogProvider.clear();
        assertThat(CapturingLogProvider.lines()).isEmpty();
    }
}
