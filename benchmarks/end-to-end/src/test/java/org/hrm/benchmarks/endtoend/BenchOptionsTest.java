package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchOptionsTest {
    @Test
    void takesACommaSeparatedListOfSizesAndRunsTheFirstInEveryPhase() {
        BenchOptions options = parse("--size", "1024,65536,1048576", "--report", "out/bench.html");

        assertThat(options.sizes()).containsExactly(1024, 65536, 1_048_576);
        assertThat(options.recordBytes()).isEqualTo(1024);
        assertThat(options.reportFile()).isEqualTo(Path.of("out/bench.html"));
        assertThat(options.limitRecords()).isEqualTo(options.records());
    }

    @Test
    void givesEachFurtherSizeAboutTheSameBytesAsTheFirstAndAtLeastFiftyRecords() {
        BenchOptions options = parse("--size", "1024,65536,1048576");

        assertThat(options.recordsAtSize(65536)).isEqualTo(312);
        assertThat(options.recordsAtSize(1_048_576)).isEqualTo(50);
        assertThat(options.recordsAtSize(512)).isEqualTo(options.records());
    }

    @Test
    void warmsUpWithFewerRecordsWhenTheyAreLarge() {
        assertThat(parse().warmupRecords()).isEqualTo(2000);
        assertThat(parse("--size", "1048576", "--records", "50").warmupRecords())
                .isEqualTo(50);
        assertThat(parse("--size", "65536").warmupRecords()).isEqualTo(50);
        assertThat(parse("--size", "4096").warmupRecords()).isEqualTo(500);
    }

    @Test
    void refusesASizeThatIsNotANumberOrNotPositive() {
        assertThatThrownBy(() -> parse("--size", "1024,big"))
                .hasMessageContaining("--size")
                .hasMessageContaining("'big' is not an int");
        assertThatThrownBy(() -> parse("--size", "1024,0")).hasMessageContaining("each --size");
        assertThatThrownBy(() -> parse("--limit-records", "-1")).hasMessageContaining("--limit-records");
    }

    @Test
    void runsInThisJvmUnlessAskedForSeparateJvmsAndThenSkipsTheLimitPhase() {
        assertThat(parse().separateJvms()).isFalse();

        BenchOptions separate = parse("--separate-jvms", "--records", "300");

        assertThat(separate.separateJvms()).isTrue();
        assertThat(separate.records()).isEqualTo(300);
        assertThat(separate.limitRecords()).isZero();
        assertThat(parse("--separate-jvms", "--limit-records", "0").limitRecords())
                .isZero();
    }

    @Test
    void refusesALimitPhaseWithSeparateJvms() {
        assertThatThrownBy(() -> parse("--separate-jvms", "--limit-records", "100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--limit-records")
                .hasMessageContaining("--separate-jvms");
    }

    private static BenchOptions parse(String... args) {
        return BenchOptions.parse(CommandLine.populateCommand(new BenchArguments(), args));
    }
}
