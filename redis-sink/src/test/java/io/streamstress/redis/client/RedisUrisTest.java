package io.streamstress.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisUrisTest {

    @Test
    void aClusterOfSeedNodesKeepsTheCredentialsAndTlsForEachSeed() {
        // Given two seed nodes behind TLS, an ACL user and a peer-verification option
        String seeds = "rediss://app:pw@10.0.0.1:6379,10.0.0.2:6380?verifyPeer=NONE";

        // When they are written as a cluster URI and read back
        String cluster = RedisUris.cluster(seeds);
        List<RedisURI> parsed = RedisUris.clusterSeeds(cluster);

        // Then each seed has the host, port, user, password and TLS of the whole
        assertThat(cluster).as("cluster URI").isEqualTo("rediss-cluster://app:pw@10.0.0.1:6379,10.0.0.2:6380?verifyPeer=NONE");
        assertThat(RedisUris.isCluster(cluster)).as("a cluster").isTrue();
        assertThat(RedisUris.isCluster(seeds)).as("the seeds as given are one Redis URI").isFalse();
        assertThat(parsed).as("seeds").hasSize(2);
        assertThat(parsed).extracting(RedisURI::getHost).as("hosts").containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(parsed).extracting(RedisURI::getPort).as("ports").containsExactly(6379, 6380);
        assertThat(parsed).extracting(RedisURI::getUsername).as("users").containsExactly("app", "app");
        assertThat(parsed).extracting(u -> new String(u.getPassword())).as("passwords").containsExactly("pw", "pw");
        assertThat(parsed).extracting(RedisURI::isSsl).as("TLS").containsExactly(true, true);
        assertThat(RedisUris.parse(cluster).getHost()).as("parse: the first seed").isEqualTo("10.0.0.1");
        assertThat(RedisUris.redact(cluster)).as("redacted")
                .isEqualTo("rediss-cluster://***@10.0.0.1:6379,10.0.0.2:6380?verifyPeer=NONE");
    }

    @Test
    void aSeedThatIsNotHostAndPortIsRefusedSayingWhich() {
        assertThatThrownBy(() -> RedisUris.cluster("redis://:pw@10.0.0.1:6379,10.0.0.2"))
                .as("a seed without a port").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host:port, was '10.0.0.2'").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> RedisUris.cluster("10.0.0.1:6379"))
                .as("no scheme").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
    }
}
