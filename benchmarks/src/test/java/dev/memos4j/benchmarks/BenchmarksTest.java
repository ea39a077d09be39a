package dev.memos4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchmarksTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Benchmarks.dispatch(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheOptionsWithoutAStackTrace() throws Exception {
        assertThat(run("client", "--help")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("benchmarks client: options: --")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadOptionIsAMessageAndExitCode2() throws Exception {
        assertThat(run("facade", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown option --no-such-option")
                .doesNotContain("\tat ");
        assertThat(run("nope")).isEqualTo(2);
    }
}
