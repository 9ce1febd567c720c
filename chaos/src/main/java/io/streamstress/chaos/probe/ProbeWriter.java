package io.streamstress.chaos.probe;

/**
 * One subtask attempt's end of the probe channel. Called by the task thread only (records, barriers, close),
 * so an implementation needs no locking for what only that thread touches. {@link #processed()} runs for
 * every record: it must cost next to nothing and never do I/O; the other calls are rare.
 */
public interface ProbeWriter extends AutoCloseable {

    /** One more record passed the tap. */
    void processed();

    /** A sampled record's latency in µs: from its produce timestamp, and from its intended send time. */
    void latency(long fromProducedMicros, long fromIntendedMicros);

    /** The attempt processed its first record. */
    void firstRecord(long atMillis);

    /** The attempt read a poison record at {@code offset} of {@code partition}. */
    void poisonRead(int partition, long offset, long atMillis);

    /**
     * Whether the harness may have armed this subtask: cheap, no I/O, may lag or be wrong; {@link #takeArm()}
     * decides.
     */
    boolean mayBeArmed();

    /**
     * Takes one arm of this subtask, atomically (two attempts never take the same arm), waiting a short,
     * bounded time; false when there was none or the answer did not come in time (then the tap does not throw).
     */
    boolean takeArm();

    /**
     * The attempt is about to throw on purpose: the event is recorded and everything pending is sent, with a
     * bounded wait, so that the harness sees it and the counts up to the throw.
     */
    void thrown(long atMillis, long recordsSinceBarrier);

    /** A checkpoint barrier passed the tap ({@code snapshotState}): send what is pending, without waiting. */
    void barrier();

    /** The attempt ends (finished, failed or cancelled): sends what is pending, with a bounded wait. */
    @Override
    void close();
}
