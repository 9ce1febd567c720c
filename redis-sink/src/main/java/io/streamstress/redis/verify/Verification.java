package io.streamstress.redis.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The independent end-of-run check: what was produced, what the topic holds and what Redis committed, per
 * partition and in total.
 *
 * @param expected the messages the run was asked to produce
 * @param partitions one check per partition
 * @param redisTotal the total counter Redis holds (must equal the sum of its per-partition counts)
 */
public record Verification(long expected, List<PartitionCheck> partitions, long redisTotal) {

    public Verification {
        partitions = List.copyOf(partitions);
    }

    public long produced() {
        return partitions.stream().mapToLong(PartitionCheck::produced).sum();
    }

    public long endOffsets() {
        return partitions.stream().mapToLong(PartitionCheck::endOffset).sum();
    }

    public long committed() {
        return partitions.stream().mapToLong(PartitionCheck::committed).sum();
    }

    public long lost() {
        return partitions.stream().mapToLong(p -> p.tiling().lost()).sum();
    }

    public long duplicated() {
        return partitions.stream().mapToLong(p -> p.tiling().duplicated()).sum();
    }

    /** Poison records the job set aside (counted apart, never in the total). */
    public long poison() {
        return partitions.stream().mapToLong(PartitionCheck::poisonCommitted).sum();
    }

    public long poisonProduced() {
        return partitions.stream().mapToLong(PartitionCheck::poisonProduced).sum();
    }

    public long unexpected() {
        return partitions.stream().mapToLong(p -> p.tiling().unexpected()).sum();
    }

    public boolean passed() {
        return produced() == expected
                && redisTotal == committed()
                && partitions.stream().allMatch(PartitionCheck::passed);
    }

    /** One line per problem found; empty when it passed. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (produced() != expected) {
            problems.add("produced " + produced() + " of the " + expected + " messages asked for");
        }
        if (redisTotal != committed()) {
            problems.add("Redis total " + redisTotal + " differs from the sum of its partition counts " + committed());
        }
        for (PartitionCheck partition : partitions) {
            if (!partition.passed()) {
                problems.add("partition " + partition.partition() + ": " + partition.problems());
            }
        }
        return problems;
    }
}
