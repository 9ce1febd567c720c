package io.streamstress.runner.run;

import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.chaos.FaultRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run measured.
 *
 * @param verification the independent count check
 * @param produceTime from the first send to the last acknowledgement
 * @param jobTime from the job's submission until it finished with everything committed (with {@code --preload},
 *     the consume phase alone)
 * @param pipelineTime from the first send until the job finished with everything committed (across the processes of
 *     a run resumed after a process-kill: from the first process's first send)
 * @param startupTime from the start of the command until the first send (of the first process)
 * @param wallTime from the start of the command (of the first process) until verification
 * @param faults every planned fault, injected or not, with its recovery clocks
 * @param flinkTaskRestarts subtask restarts as Flink counts them (-1 when unknown)
 * @param timedOut whether {@code --max-time} ended the run
 * @param jobFailure why the job failed, when it did
 * @param recording the raw series behind the report
 */
public record RunOutcome(
        Verification verification,
        Duration produceTime,
        Duration jobTime,
        Duration pipelineTime,
        Duration startupTime,
        Duration wallTime,
        List<FaultRecord> faults,
        long flinkTaskRestarts,
        boolean timedOut,
        Optional<String> jobFailure,
        Recording recording) {

    public RunOutcome {
        faults = List.copyOf(faults);
    }

    public boolean passed() {
        return verification.passed() && !timedOut && jobFailure.isEmpty() && faults.stream().allMatch(FaultRecord::injected);
    }

    public long injectedFaults() {
        return faults.stream().filter(FaultRecord::injected).count();
    }

    /** Messages per second through the whole pipeline (produced, consumed and committed). */
    public double messagesPerSecond() {
        double seconds = pipelineTime.toNanos() / 1e9;
        return seconds > 0 ? verification.committed() / seconds : 0;
    }

    /** Messages per second from the job's submission to its end (the consume phase alone with --preload). */
    public double jobMessagesPerSecond() {
        double seconds = jobTime.toNanos() / 1e9;
        return seconds > 0 ? verification.committed() / seconds : 0;
    }

    /** Every reason the run did not pass, one per line. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(verification.problems());
        if (timedOut) {
            problems.add(0, "the run did not finish within --max-time; verified what was committed by then");
        }
        jobFailure.ifPresent(cause -> problems.add(0, "the job failed: " + cause));
        for (FaultRecord fault : faults) {
            fault.notInjected().ifPresent(why -> problems.add("fault " + fault.planned() + " was not injected: " + why));
        }
        return problems;
    }
}
