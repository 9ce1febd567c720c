package io.streamstress.chaos.probe;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * The harness's end of the probe channel: what the taps reported, and the arming of subtasks. Figures may lag
 * the tasks a little (by the channel's flush interval); after an attempt has ended, its figures are final.
 * Calls are thread-safe and never block for long, even when the channel's transport stalls (they then answer
 * with what they last knew).
 */
public interface ProbeReader extends AutoCloseable {

    /** Records that passed the taps so far, replays included. */
    long processedCount();

    /** Records each subtask processed, replays included. */
    Map<Integer, Long> processedPerSubtask();

    /** Records each TaskManager processed (by its resource id), replays included. */
    Map<String, Long> processedPerTaskManager();

    /** The attempts that threw on purpose, oldest first. */
    List<Thrown> thrown();

    /** The first record of every attempt, oldest first. */
    List<FirstRecord> firstRecords();

    /**
     * When the job had read {@code count} different poison records of {@code partition} (each offset counted once,
     * at its first read; a replay reads it again); empty while it has read fewer.
     */
    OptionalLong poisonReadAt(int partition, long count);

    /** The processing latencies (produce timestamp → tap) recorded since the last call (or reset), in µs. */
    Histogram latencySinceLastCall();

    /** The same from the producer's intended send time, since the last call (or reset), in µs. */
    Histogram intendedLatencySinceLastCall();

    /**
     * Makes {@code subtask} throw once more, at its next opportunity.
     *
     * @throws IllegalStateException when the arm could not be placed
     */
    void arm(int subtask);

    /** Withdraws every arm not taken yet (an injection that gave up must not fire later). */
    void disarm();

    /** Forgets everything, arms included (a new run). */
    void reset();

    @Override
    void close();
}
