package io.streamstress.runner.infra.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlinkVersionCheckTest {

    private static final RestUrl URL = RestUrl.parse("http://flink.example:8081");

    @Test
    void theSameVersionLinePasses() {
        // Given a harness built with Flink 2.2.1
        // When clusters of the same line answer, whatever their patch version or qualifier
        // Then each passes
        for (String cluster : new String[] {"2.2.1", "2.2.0", "2.2.7", "2.2-SNAPSHOT", "2.2.0-rc1"}) {
            assertThatCode(() -> FlinkVersionCheck.requireSameLine(URL, cluster, "2.2.1")).as("cluster %s", cluster)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void anotherLineIsAOneLineErrorSayingWhatToDo() {
        // Given a harness built with Flink 2.2.1
        // When clusters of other lines, or of no recognisable version, answer
        // Then each is refused in one line naming both versions and the way out
        for (String cluster : new String[] {"1.20.1", "2.1.0", "2.3.0", "3.0.0", "22.1", "unknown", ""}) {
            assertThatThrownBy(() -> FlinkVersionCheck.requireSameLine(URL, cluster, "2.2.1")).as("cluster %s", cluster)
                    .isInstanceOf(ClusterVersionMismatchException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http://flink.example:8081 runs Flink " + cluster + ",")
                    .hasMessageContaining("built for Flink 2.2.x (2.2.1)")
                    .hasMessageContaining("use a Flink 2.2 session cluster")
                    .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
        }
    }

    @Test
    void aHarnessOfUnknownVersionJudgesNothing() {
        // Given a harness whose Flink version is unknown (a jar built without Flink's version file)
        // When any cluster answers
        // Then it passes: there is nothing to compare against
        assertThatCode(() -> FlinkVersionCheck.requireSameLine(URL, "1.20.1", "<unknown>")).as("unknown harness")
                .doesNotThrowAnyException();
    }

    @Test
    void theHarnessVersionIsThisBuildsFlink() {
        // Given this build (Flink 2.2.x)
        // When its version is read
        // Then it is on the 2.2 line
        assertThat(FlinkVersionCheck.line(FlinkVersionCheck.harnessVersion())).as("line of %s",
                FlinkVersionCheck.harnessVersion()).hasValue("2.2");
    }
}
