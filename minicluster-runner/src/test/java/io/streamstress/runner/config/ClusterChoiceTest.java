package io.streamstress.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.runner.infra.cluster.ClusterKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ClusterChoiceTest {

    @Test
    void parsesTheThreeClusters() {
        assertThat(ClusterChoice.parse("embedded").kind()).as("embedded").isEqualTo(ClusterKind.EMBEDDED);
        assertThat(ClusterChoice.parse(" LOCAL ").kind()).as("local, any case").isEqualTo(ClusterKind.LOCAL);
        ClusterChoice remote = ClusterChoice.parse("http://127.0.0.1:8081");
        assertThat(remote.kind()).as("a URL").isEqualTo(ClusterKind.REMOTE);
        assertThat(remote.restUrl()).as("its URL").contains(URI.create("http://127.0.0.1:8081"));
        assertThat(remote).as("spelt back").hasToString("http://127.0.0.1:8081");
        ClusterChoice docker = ClusterChoice.parse("docker");
        assertThat(docker.kind()).as("docker").isEqualTo(ClusterKind.DOCKER);
        assertThat(docker).as("docker spelt back").hasToString("docker");
    }

    @Test
    void refusesWhatIsNeitherANameNorAUrlWithAPort() {
        for (String bad : new String[] {"nowhere", "http://127.0.0.1", "ftp://h:21", "127.0.0.1:8081"}) {
            assertThatThrownBy(() -> ClusterChoice.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be embedded, local, docker or a Flink REST URL");
        }
    }
}
