package io.streamstress.runner.infra.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RestUrlTest {

    @Test
    void anHttpUrlGivesHostAndPort() {
        // Given REST URLs as users write them
        // When they are parsed
        // Then host and port are theirs, 8081 when none is given
        assertThat(RestUrl.parse("http://127.0.0.1:8081")).as("loopback").isEqualTo(new RestUrl("127.0.0.1", 8081));
        assertThat(RestUrl.parse("HTTP://jobmanager:18081/")).as("upper-case scheme, trailing slash")
                .isEqualTo(new RestUrl("jobmanager", 18081));
        assertThat(RestUrl.parse(" http://jobmanager ")).as("no port").isEqualTo(new RestUrl("jobmanager", 8081));
        assertThat(RestUrl.parse("http://jobmanager:8081").resolve("/config").toString()).as("resolved")
                .isEqualTo("http://jobmanager:8081/config");
    }

    @Test
    void anythingElseIsRefusedSayingWhatAUrlLooksLike() {
        // Given what is not http://HOST:PORT
        // When it is parsed
        // Then it is refused with an example of a valid one
        for (String text : new String[] {"127.0.0.1:8081", "https://jm:8081", "http://jm:8081/proxy", "http://jm:8081?x=1",
            "http://user@jm:8081", "http://:8081", "http://jm:99999", "local host"}) {
            assertThatThrownBy(() -> RestUrl.parse(text)).as("'%s'", text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http://HOST:PORT");
        }
    }
}
