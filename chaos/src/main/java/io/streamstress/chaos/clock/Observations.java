package io.streamstress.chaos.clock;

import java.util.List;
import java.util.OptionalLong;

/**
 * What was recorded around one fault, all as wall-clock milliseconds.
 *
 * @param running every task attempt that reached RUNNING, with its attempt number
 * @param firstRecords every task attempt's first processed record, with its attempt number
 * @param checkpoints completed checkpoints: when each was triggered and when it completed
 * @param processed samples of {@code [time, records processed so far]}, in time order
 * @param committed samples of {@code [time, records committed to Redis so far]}, in time order
 * @param brokerServed samples of {@code [time, bytes of the topic the embedded broker served to consumers so far]},
 *     in time order; empty when the broker is not the run's own
 * @param disturbed spans in which the pipeline did not run freely (the producer held at a fault's position,
 *     another fault in progress): no throughput baseline is taken from them
 * @param poisonReadAt when the job had read every poison record of this fault, for a poison fault
 * @param failuresRecorded when the JobManager recorded a failure of the job (its exception history), in time
 *     order: for a crashed or frozen TaskManager, when Flink declared it lost
 * @param countedFromNewLeadersAt for a killed partition leader: when the sink had committed, on every partition
 *     the killed broker led (and the producer still writes to), a record sent after new leaders were elected for
 *     them, which the job can only have read from a new leader
 */
public record Observations(
        List<AttemptEvent> running,
        List<AttemptEvent> firstRecords,
        List<CheckpointTimes> checkpoints,
        List<long[]> processed,
        List<long[]> committed,
        List<long[]> brokerServed,
        List<Interval> disturbed,
        OptionalLong poisonReadAt,
        List<Long> failuresRecorded,
        OptionalLong countedFromNewLeadersAt) {

    /** What was recorded around a fault that kills no partition leader. */
    public Observations(List<AttemptEvent> running, List<AttemptEvent> firstRecords, List<CheckpointTimes> checkpoints,
            List<long[]> processed, List<long[]> committed, List<long[]> brokerServed, List<Interval> disturbed,
            OptionalLong poisonReadAt, List<Long> failuresRecorded) {
        this(running, firstRecords, checkpoints, processed, committed, brokerServed, disturbed, poisonReadAt,
                failuresRecorded, OptionalLong.empty());
    }

    /** The same, with when a killed leader's partitions were counted from their new leaders. */
    public Observations withCountedFromNewLeadersAt(OptionalLong at) {
        return new Observations(running, firstRecords, checkpoints, processed, committed, brokerServed, disturbed,
                poisonReadAt, failuresRecorded, at);
    }

    public Observations {
        running = List.copyOf(running);
        firstRecords = List.copyOf(firstRecords);
        checkpoints = List.copyOf(checkpoints);
        processed = List.copyOf(processed);
        committed = List.copyOf(committed);
        brokerServed = List.copyOf(brokerServed);
        disturbed = List.copyOf(disturbed);
        failuresRecorded = List.copyOf(failuresRecorded);
    }
}
