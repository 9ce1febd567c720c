package io.streamstress.runner.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamstress.chaos.clock.RecoveryClock;
import io.streamstress.chaos.inject.Injection;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.runner.chaos.FaultRecord;
import io.streamstress.runner.chaos.JobWatcher;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.observe.Sample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What a worker about to be killed (a planned {@code process-kill}) hands to the worker that resumes the run,
 * through {@link #FILE} in the run directory: everything it measured, so that the resumed run reports the whole
 * run across both processes (faults before the kill with their clocks, the timeline, the pipeline's start,
 * checkpoints, load and latencies) instead of its own part alone. Written just before the kill is asked for.
 *
 * @param commandStartMillis when the first worker's command started (wall clock)
 * @param pipelineStartMillis when the first worker sent its first record
 * @param faults the faults before the kill, with the clocks measured by the first worker
 * @param processed {@code [time, records through the job]} samples
 * @param committed {@code [time, records committed]} samples
 * @param seconds the per-second samples
 * @param checkpoints the checkpoints completed, and {@code failedCheckpoints} failed, in the first worker
 * @param processedPerSubtask records each subtask processed (replays included)
 * @param processedPerTaskManager records each TaskManager processed, by its resource id
 * @param taskRestarts subtask restarts Flink counted in the first worker's job
 * @param jobMillis how long the first worker's job ran, from its submission to the kill
 * @param latencies the four latency histograms, each HdrHistogram-encoded (compressed, base64)
 */
public record Handover(
        long commandStartMillis,
        long pipelineStartMillis,
        List<HandedFault> faults,
        List<long[]> processed,
        List<long[]> committed,
        List<Sample> seconds,
        List<CompletedCheckpoint> checkpoints,
        long failedCheckpoints,
        Map<Integer, Long> processedPerSubtask,
        Map<String, Long> processedPerTaskManager,
        long taskRestarts,
        long jobMillis,
        List<String> latencies) {

    public static final String FILE = "handover.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One fault as the first worker recorded it; times in wall-clock ms, null where a clock was not reached. */
    public record HandedFault(int index, Long t0, String detail, long ended, String notInjected, Long t1, Long t2,
            Long t3, Long t4, Long recovered, String basis, Double baselinePerSecond, Long detected) {

        static HandedFault of(FaultRecord record) {
            Optional<RecoveryClock> clock = record.clock();
            return new HandedFault(record.index(), record.injection().map(Injection::t0Millis).orElse(null),
                    record.injection().map(Injection::detail).orElse(null), record.endedMillis(),
                    record.notInjected().orElse(null),
                    boxed(clock.map(RecoveryClock::t1)), boxed(clock.map(RecoveryClock::t2)),
                    boxed(clock.map(RecoveryClock::t3)), boxed(clock.map(RecoveryClock::t4)),
                    boxed(clock.map(RecoveryClock::recovered)), clock.map(RecoveryClock::basis).orElse(null),
                    clock.flatMap(c -> c.baselinePerSecond().isPresent()
                            ? Optional.of(c.baselinePerSecond().getAsDouble()) : Optional.empty()).orElse(null),
                    boxed(clock.map(RecoveryClock::detected)));
        }

        FaultRecord toRecord(FaultPlan plan) {
            if (t0 == null) {
                return FaultRecord.notInjected(index, plan.faults().get(index), notInjected);
            }
            FaultRecord record = FaultRecord.injected(index, plan.faults().get(index), new Injection(t0, detail), ended);
            if (basis == null) {
                return record;
            }
            return record.withClock(new RecoveryClock(t0, unboxed(t1), unboxed(t2), unboxed(t3), unboxed(t4),
                    unboxed(recovered), basis,
                    baselinePerSecond == null ? OptionalDouble.empty() : OptionalDouble.of(baselinePerSecond),
                    unboxed(detected)));
        }

        private static Long boxed(Optional<OptionalLong> value) {
            return value.isPresent() && value.get().isPresent() ? value.get().getAsLong() : null;
        }

        private static OptionalLong unboxed(Long value) {
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    public Handover {
        faults = List.copyOf(faults);
        processed = List.copyOf(processed);
        committed = List.copyOf(committed);
        seconds = List.copyOf(seconds);
        checkpoints = List.copyOf(checkpoints);
        processedPerSubtask = Map.copyOf(processedPerSubtask);
        processedPerTaskManager = Map.copyOf(processedPerTaskManager);
        latencies = List.copyOf(latencies);
    }

    /** The faults, as records of {@code plan}. */
    public List<FaultRecord> faultRecords(FaultPlan plan) {
        return faults.stream().map(f -> f.toRecord(plan)).toList();
    }

    /** Records through the first worker's job when it was killed (replays included). */
    public long processedAtKill() {
        return processed.isEmpty() ? 0 : processed.get(processed.size() - 1)[1];
    }

    /** The latency histograms, decoded. */
    LatencyHistograms latencyHistograms() {
        try {
            Histogram[] decoded = new Histogram[latencies.size()];
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(latencies.get(i))), 0);
            }
            return LatencyHistograms.of(decoded);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalStateException("the handover's latency histograms are damaged: " + e.getMessage(), e);
        }
    }

    static List<String> encode(LatencyHistograms histograms) {
        return histograms.all().stream().map(h -> {
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int length = h.encodeIntoCompressedByteBuffer(buffer);
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        }).toList();
    }

    static List<HandedFault> handed(List<FaultRecord> records) {
        return records.stream().map(HandedFault::of).toList();
    }

    /** Writes it into {@code runDir} atomically (a reader never sees half a file). */
    public void write(Path runDir) throws IOException {
        Path temp = runDir.resolve(FILE + ".tmp");
        JSON.writeValue(temp.toFile(), this);
        Files.move(temp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What the killed worker of a run being resumed handed over, when the supervisor resumed it after a planned
     * process-kill; a run resumed by hand after a crash has none, and its report covers the resumed process alone
     * (which {@code console} says).
     */
    static Optional<Handover> forResume(Path runDir, Console console) throws HarnessException {
        try {
            Optional<Handover> handover = read(runDir);
            if (handover.isEmpty()) {
                console.line("No figures from the process that died: this report covers the resumed process alone");
            }
            return handover;
        } catch (IOException | RuntimeException e) {
            throw new HarnessException("cannot read " + runDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** {@code watcher}, starting from what the killed worker recorded when there is a handover. */
    static JobWatcher seed(JobWatcher watcher, Optional<Handover> handover) {
        handover.ifPresent(h -> watcher.seed(h.processed(), h.committed(), h.checkpoints(), h.failedCheckpoints()));
        return watcher;
    }

    /** Counts by key of this process, with the killed worker's added when there is a handover. */
    static <K> Map<K, Long> merged(Map<K, Long> mine, Optional<Map<K, Long>> before) {
        Map<K, Long> all = new TreeMap<>(mine);
        before.ifPresent(b -> b.forEach((key, count) -> all.merge(key, count, Long::sum)));
        return all;
    }

    /** The handover in {@code runDir}, if a killed worker left one. */
    public static Optional<Handover> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Handover.class)) : Optional.empty();
    }
}
