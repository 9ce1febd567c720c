package io.streamstress.chaos.probe.redis;

/**
 * Whether an attempt should try to take an arm, from what its batches learnt: the subtask's pending arms at the
 * last answer. After a take that found none, or got no answer, it waits for a newer answer before trying again,
 * so that a stalled Redis costs the task thread one bounded wait, not one per record. A take that got no answer
 * may have taken the arm in Redis all the same: the next try (same token) then finds it taken for this attempt.
 *
 * <p>{@link #polled} runs on the Redis client's thread (one batch out at a time, so one writer); the rest on the
 * task thread.
 */
final class ArmWatch {

    private volatile long pending;
    private volatile long answers;
    private long notBeforeAnswer;
    private boolean unsure;

    /** A batch's answer: {@code pendingArms} arms are placed and not taken for this subtask. */
    void polled(long pendingArms) {
        pending = pendingArms;
        answers = answers + 1;
    }

    /** Cheap: two volatile reads. */
    boolean worthTaking() {
        return (pending > 0 || unsure) && answers >= notBeforeAnswer;
    }

    /** Redis answered that no arm was there. */
    void refused() {
        unsure = false;
        notBeforeAnswer = answers + 1;
    }

    /** The take got no answer in time (or could not be sent). */
    void noAnswer() {
        unsure = true;
        notBeforeAnswer = answers + 1;
    }
}
