package dev.memos4j.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static final Set<String> VALUES = Set.of("sizes", "seconds", "jar");
    private static final Set<String> FLAGS = Set.of("quick");

    @Test
    void readsValuesFlagsAndDefaults() {
        Args args =
                Args.parse(new String[] {"--sizes", "1000,10k,100_000", "--quick", "--jar=demo.jar"}, VALUES, FLAGS);
        assertThat(args.positiveInts("sizes", List.of())).containsExactly(1_000, 10_000, 100_000);
        assertThat(args.flag("quick")).isTrue();
        assertThat(args.text("jar")).contains("demo.jar");
        assertThat(args.positiveInt("seconds", 4)).isEqualTo(4);
        assertThat(args.text("seconds")).isEmpty();
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> Args.parse(new String[] {"--size", "10"}, VALUES, FLAGS))
                .hasMessageContaining("unknown option --size")
                .hasMessageContaining("--sizes VALUE");
        assertThatThrownBy(() -> Args.parse(new String[] {"--seconds"}, VALUES, FLAGS))
                .hasMessage("--seconds needs a value");
        assertThatThrownBy(() -> Args.parse(new String[] {"client"}, VALUES, FLAGS))
                .hasMessageContaining("unexpected argument 'client'");
        Args args = Args.parse(new String[] {"--seconds", "0", "--sizes", "10,x"}, VALUES, FLAGS);
        assertThatThrownBy(() -> args.positiveInt("seconds", 1))
                .hasMessage("--seconds must be a positive integer, got '0'");
        assertThatThrownBy(() -> args.positiveInts("sizes", List.of()))
                .hasMessage("--sizes must be a positive integer, got 'x'");
    }
}
