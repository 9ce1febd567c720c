package io.streamstress.chaos.target;

import java.time.Duration;

/**
 * The brokers of a Kafka cluster of several, holding the job's topic with replicas on more than one of them: a
 * fault kills the broker leading one of its partitions and brings it back. Broker ids are the cluster's own.
 */
public interface KafkaBrokers {

    /**
     * The id of the broker leading each partition of the job's topic (index = partition), as the cluster's
     * metadata has it now; -1 where a partition has no leader.
     */
    int[] leaders() throws Exception;

    /** Kills broker {@code brokerId} (no controlled shutdown: its partitions lose their leader). */
    void kill(int brokerId) throws Exception;

    /** Starts broker {@code brokerId} again on its data and ports; returns once the cluster took it back. */
    void restart(int brokerId) throws Exception;

    /** Waits until every partition of the topic has all its replicas in sync again. */
    void awaitInSync(Duration timeout) throws Exception;
}
