package io.streamstress.kafka.producer;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How many messages each partition receives. Message {@code id} goes to partition {@code id % partitions}
 * with sequence {@code id / partitions}, so every partition's sequences are contiguous from 0 and the count
 * per partition is known before the first record is sent (which is what lets the job stop by itself).
 *
 * @param messages total messages to produce, at least 1
 * @param partitions partitions of the topic, at least 1
 */
public record PartitionPlan(long messages, int partitions) {

    public PartitionPlan {
        if (messages < 1) {
            throw new IllegalArgumentException("messages must be at least 1, was " + messages);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    /** Messages partition {@code partition} receives. */
    public long messagesFor(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IndexOutOfBoundsException("partition " + partition + " is not in [0, " + partitions + ")");
        }
        return messages / partitions + (partition < messages % partitions ? 1 : 0);
    }

    /** Messages per partition, indexed by partition. */
    public long[] messagesPerPartition() {
        long[] counts = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            counts[p] = messagesFor(p);
        }
        return counts;
    }

    /** The partition message {@code messageId} goes to. */
    public int partitionOf(long messageId) {
        return (int) (messageId % partitions);
    }

    /** The partition-local sequence number of message {@code messageId}. */
    public long sequenceOf(long messageId) {
        return messageId / partitions;
    }

    /**
     * The offsets at which a reader of a fresh topic has seen everything this plan produces: offset equals
     * sequence because the producer is idempotent and writes no transaction markers.
     */
    public Map<TopicPartition, Long> stoppingOffsets(String topic) {
        return stoppingOffsets(topic, new long[partitions]);
    }

    /** {@link #stoppingOffsets(String)} when {@code poison[p]} malformed records are written into partition {@code p} too. */
    public Map<TopicPartition, Long> stoppingOffsets(String topic, long[] poison) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            offsets.put(new TopicPartition(topic, p), messagesFor(p) + poison[p]);
        }
        return offsets;
    }
}
