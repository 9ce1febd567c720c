package io.streamstress.runner.infra;

import io.lettuce.core.RedisURI;
import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.proxy.FaultProxy;
import io.streamstress.redis.client.RedisUris;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The fault proxies between the job and its servers, started only when the plan has a fault that goes through
 * one (proxying every fetch and commit costs CPU on a small machine). The job reaches Redis and the broker
 * through them; the load producer, the verifier and the harness's own readers stay direct.
 */
public final class JobProxies implements AutoCloseable {

    private final FaultProxy redis;
    private final String redisUriForJob;

    private JobProxies(FaultProxy redis, String redisUriForJob) {
        this.redis = redis;
        this.redisUriForJob = redisUriForJob;
    }

    /** No proxies: the job talks to the servers directly. */
    static JobProxies none(String redisUri) {
        return new JobProxies(null, redisUri);
    }

    /**
     * Starts the proxies {@code plan} needs in front of {@code redisUri}.
     *
     * @param console where the proxies' addresses are shown
     */
    static JobProxies start(FaultPlan plan, String redisUri, Console console) {
        boolean redisFaults = plan.kinds().stream().anyMatch(k -> k.needs() == FaultKind.Needs.REDIS_PROXY);
        if (!redisFaults) {
            return none(redisUri);
        }
        RedisURI direct = RedisUris.parse(redisUri);
        FaultProxy proxy = FaultProxy.start("Redis", new InetSocketAddress(direct.getHost(), direct.getPort()));
        RedisURI viaProxy = RedisUris.parse(redisUri);
        viaProxy.setHost(proxy.address().getHostString());
        viaProxy.setPort(proxy.port());
        console.line("Fault proxy for the job's Redis traffic on 127.0.0.1:%d → %s:%d", proxy.port(), direct.getHost(),
                direct.getPort());
        return new JobProxies(proxy, viaProxy.toURI().toString());
    }

    /** The proxy in front of Redis, when the plan needs it. */
    public Optional<FaultProxy> redis() {
        return Optional.ofNullable(redis);
    }

    /** The proxy in front of the broker's listener for the job, when the plan needs it. */
    public Optional<FaultProxy> kafka() {
        return Optional.empty();
    }

    /** The Redis URI the job's sink (and probe) use: through the proxy when there is one. */
    public String redisUriForJob() {
        return redisUriForJob;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
