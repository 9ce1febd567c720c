package io.streamstress.runner.infra;

import io.lettuce.core.RedisURI;
import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.proxy.FaultProxy;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
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
    private final FaultProxy kafka;

    private JobProxies(FaultProxy redis, String redisUriForJob, FaultProxy kafka) {
        this.redis = redis;
        this.redisUriForJob = redisUriForJob;
        this.kafka = kafka;
    }

    /** Whether {@code plan} has a fault on the job's traffic to the broker (its listener must then be proxied). */
    static boolean needsKafkaProxy(FaultPlan plan) {
        return plan.kinds().stream().anyMatch(k -> k.needs() == FaultKind.Needs.KAFKA_PROXY);
    }

    /**
     * Starts the proxies {@code plan} needs in front of {@code redisUri}, and points {@code kafka} (started
     * before the broker, which advertises its listener for the job at it) at that listener.
     *
     * @param broker the embedded broker, with its proxied listener when {@code plan} needs it; null when external
     * @param kafka the proxy the broker's listener for the job is advertised at, or null
     * @param console where the proxies' addresses are shown
     */
    static JobProxies start(FaultPlan plan, String redisUri, EmbeddedKafkaBroker broker, FaultProxy kafka,
            Console console) {
        FaultProxy redis = null;
        String redisForJob = redisUri;
        try {
            if (plan.kinds().stream().anyMatch(k -> k.needs() == FaultKind.Needs.REDIS_PROXY)) {
                RedisURI direct = RedisUris.parse(redisUri);
                redis = FaultProxy.start("Redis", new InetSocketAddress(direct.getHost(), direct.getPort()));
                RedisURI viaProxy = RedisUris.parse(redisUri);
                viaProxy.setHost(redis.address().getHostString());
                viaProxy.setPort(redis.port());
                redisForJob = viaProxy.toURI().toString();
                console.line("Fault proxy for the job's Redis traffic on 127.0.0.1:%d → %s:%d", redis.port(),
                        direct.getHost(), direct.getPort());
            }
            if (kafka != null && broker != null) {
                InetSocketAddress listener = new InetSocketAddress(broker.settings().host(), broker.proxiedPort());
                kafka.forwardTo(listener);
                console.line("Fault proxy for the job's Kafka traffic on 127.0.0.1:%d → the broker's listener for the "
                        + "job, %s:%d (the producer and the verifier use its own)", kafka.port(), listener.getHostString(),
                        listener.getPort());
            }
            return new JobProxies(redis, redisForJob, kafka);
        } catch (RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }

    /** The proxy in front of Redis, when the plan needs it. */
    public Optional<FaultProxy> redis() {
        return Optional.ofNullable(redis);
    }

    /** The proxy in front of the broker's listener for the job, when the plan needs it. */
    public Optional<FaultProxy> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** The bootstrap address the job uses when its Kafka traffic goes through a proxy. */
    public Optional<String> bootstrapServersForJob() {
        return kafka().map(k -> k.address().getHostString() + ":" + k.port());
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
        if (kafka != null) {
            kafka.close();
        }
    }
}
