package io.streamstress.kafka.broker;

import java.util.List;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** What a partition's replicas say, as the cluster's metadata has them: whether they are in sync, and a description. */
final class TopicReplicas {

    private TopicReplicas() {}

    /** Whether {@code partition} has a leader and every replica of it is in its ISR. */
    static boolean inSync(TopicPartitionInfo partition) {
        return leaderId(partition) >= 0 && ids(partition.isr()).containsAll(ids(partition.replicas()));
    }

    /** The id of {@code partition}'s leader, -1 while it has none. */
    static int leaderId(TopicPartitionInfo partition) {
        Node leader = partition.leader();
        return leader == null || leader.isEmpty() ? -1 : leader.id();
    }

    /** "partition 0: leader 2, ISR [2, 3] of replicas [1, 2, 3]", for messages. */
    static String describe(TopicPartitionInfo partition) {
        int leader = leaderId(partition);
        return "partition " + partition.partition() + ": leader " + (leader < 0 ? "none" : leader) + ", ISR "
                + ids(partition.isr()) + " of replicas " + ids(partition.replicas());
    }

    /** Node ids: an offline replica's {@link Node} has no host, the same broker's online one has. */
    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }
}
