package io.streamstress.redis.sink.internal;

import io.github.resilience4j.retry.Retry;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.sink.CounterKeys;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Committer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each {@link RedisDelta} through the {@link CommitScript}. Flink commits again after a restore, and
 * a job restored from an older state (or from none) reads records again that were counted; the script's
 * per-partition high-water marks skip whatever was counted before, so a replay changes nothing and a retry
 * after a lost reply finds its delta applied. When Redis stays unreachable past the retry
 * budget the commit throws, which fails the job (and the restore commits again): a delta is never dropped.
 */
public final class RedisCounterCommitter implements Committer<RedisDelta> {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCounterCommitter.class);

    private final String redisUri;
    private final Duration commandTimeout;
    private final CommitScript script;
    private final Retry retry;
    private RedisConnections redis;

    public RedisCounterCommitter(String redisUri, CounterKeys keys, Duration commandTimeout, int maxAttempts) {
        this.redisUri = redisUri;
        this.commandTimeout = commandTimeout;
        this.script = new CommitScript(keys);
        this.retry = CommitRetry.create("redis-commit", maxAttempts);
    }

    @Override
    public void commit(Collection<CommitRequest<RedisDelta>> requests) throws IOException, InterruptedException {
        for (CommitRequest<RedisDelta> request : requests) {
            RedisDelta delta = request.getCommittable();
            CommitOutcome outcome;
            try {
                outcome = retry.executeSupplier(() -> script.applyOnce(commands(), delta));
            } catch (RuntimeException e) {
                throw new IOException("could not commit epoch " + delta.epoch() + " of subtask " + delta.subtask()
                        + " to Redis after " + retry.getRetryConfig().getMaxAttempts() + " attempts: " + e.getMessage(), e);
            }
            if (outcome.skipped() > 0) {
                LOG.info("Subtask {} epoch {}: {} record(s) were counted before and skipped, {} counted",
                        delta.subtask(), delta.epoch(), outcome.skipped(), outcome.counted());
            }
        }
    }

    private RedisClusterCommands<String, String> commands() {
        if (redis == null) {
            redis = RedisConnections.open(redisUri, commandTimeout);
        }
        return redis.commands();
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }
}
