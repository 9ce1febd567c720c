package io.streamstress.runner.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.streamstress.chaos.proxy.FaultProxy;
import io.streamstress.chaos.proxy.LostReply;
import io.streamstress.chaos.proxy.RequestMatchers;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.client.RedisUris;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.internal.PartitionDelta;
import io.streamstress.redis.sink.internal.RedisCounterCommitter;
import io.streamstress.redis.sink.internal.RedisDelta;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case that decides exactly-once: a commit script reaches Redis and applies, its reply never comes back and
 * the connection is cut. The committer cannot know whether it applied; it tries again, and the script must
 * find the records counted and change nothing. A real Redis, the harness's fault proxy in front of it, the
 * sink's own committer.
 */
class RedisReplyLostITCase {

    private static final Pattern EVALSHA_CALLS = Pattern.compile("cmdstat_evalsha:calls=(\\d+)");

    @TempDir
    Path dir;

    private EmbeddedRedisServer redis;
    private FaultProxy proxy;
    private RedisConnections direct;

    @BeforeEach
    void start() throws Exception {
        redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir, "pw"));
        redis.start();
        proxy = FaultProxy.start("Redis", new InetSocketAddress("127.0.0.1", redis.port()));
        direct = RedisConnections.open(redis.uri(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        direct.close();
        proxy.close();
        redis.stop();
    }

    @Test
    void aCommitWhoseReplyWasLostIsAppliedExactlyOnce() throws Exception {
        // Given a committer that reaches Redis through the proxy, and the proxy set to drop the next script's reply
        CounterKeys keys = new CounterKeys("lost-reply");
        RedisCommands<String, String> redisDirect = direct.connection().sync();
        redisDirect.configResetstat();
        CompletableFuture<LostReply> lost = proxy.dropReplyToNext(RequestMatchers.containing("EVALSHA"));
        RedisDelta delta = new RedisDelta(0, 1L << 20, List.of(new PartitionDelta(3, 1_000, new long[] {0, 999})));
        TestingCommitRequest<RedisDelta> request = new TestingCommitRequest<>(delta);

        // When it commits the delta
        try (RedisCounterCommitter committer = new RedisCounterCommitter(viaProxy(), keys, Duration.ofSeconds(2), 5)) {
            committer.commit(List.of(request));
        }

        // Then the reply was lost, the script ran again, and the records were counted once
        LostReply dropped = lost.get(10, TimeUnit.SECONDS);
        assertThat(dropped.bytesDropped()).as("reply bytes dropped").isPositive();
        assertThat(evalshaCalls(redisDirect)).as("script executions in Redis (the lost one and the retry)")
                .isEqualTo(2);
        assertThat(redisDirect.get(keys.total())).as("total").isEqualTo("1000");
        assertThat(redisDirect.lrange(keys.ranges(3), 0, -1)).as("ranges").containsExactly("0-999");
        assertThat(request.signals).as("what the committer signalled to Flink").isEmpty();
    }

    private String viaProxy() {
        RedisURI uri = RedisUris.parse(redis.uri());
        uri.setPort(proxy.port());
        return uri.toURI().toString();
    }

    private static long evalshaCalls(RedisCommands<String, String> redis) {
        Matcher calls = EVALSHA_CALLS.matcher(redis.info("commandstats"));
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }
}
