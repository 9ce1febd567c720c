package io.streamstress.redis.verify;

/**
 * The verification of one partition.
 *
 * @param partition the partition
 * @param produced records the producer got acknowledged
 * @param poisonProduced malformed records the producer wrote into the partition (fault {@code poison})
 * @param endOffset the topic's end offset (records and poison)
 * @param committed the count Redis holds
 * @param poisonCommitted the poison Redis counted as set aside
 * @param tiling how the committed sequence ranges cover {@code [0, produced)}
 */
public record PartitionCheck(
        int partition, long produced, long poisonProduced, long endOffset, long committed, long poisonCommitted,
        RangeTiling tiling) {

    /** A check of a partition without poison. */
    public PartitionCheck(int partition, long produced, long endOffset, long committed, RangeTiling tiling) {
        this(partition, produced, 0, endOffset, committed, 0, tiling);
    }

    public boolean passed() {
        return produced + poisonProduced == endOffset
                && poisonCommitted == poisonProduced
                && committed == produced
                && tiling.covered() == committed
                && tiling.lost() == 0
                && tiling.duplicated() == 0
                && tiling.unexpected() == 0;
    }

    /** What is wrong, in one line; empty when it passed. */
    public String problems() {
        StringBuilder text = new StringBuilder();
        if (produced + poisonProduced != endOffset) {
            text.append(" produced ").append(produced).append(poisonProduced > 0 ? " + " + poisonProduced + " poison" : "")
                    .append(" but end offset ").append(endOffset).append(';');
        }
        if (poisonCommitted != poisonProduced) {
            text.append(" poison set aside ").append(poisonCommitted).append(" of ").append(poisonProduced).append(';');
        }
        if (committed != produced) {
            text.append(" committed ").append(committed).append(" of ").append(produced).append(';');
        }
        if (tiling.lost() > 0) {
            text.append(" lost ").append(tiling.lost()).append(';');
        }
        if (tiling.duplicated() > 0) {
            text.append(" duplicated ").append(tiling.duplicated()).append(';');
        }
        if (tiling.unexpected() > 0) {
            text.append(" unexpected sequences ").append(tiling.unexpected()).append(';');
        }
        if (tiling.covered() != committed) {
            text.append(" ranges cover ").append(tiling.covered()).append(" but count says ").append(committed).append(';');
        }
        return text.toString().trim();
    }
}
