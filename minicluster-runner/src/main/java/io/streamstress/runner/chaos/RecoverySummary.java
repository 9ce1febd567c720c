package io.streamstress.runner.chaos;

import io.streamstress.chaos.plan.FaultKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Recovery times per fault kind: how many faults were injected, how many recovered, p50 and max.
 *
 * @param kind the fault kind
 * @param injected faults of this kind injected
 * @param recoveredMillis the recovery time of each that recovered, sorted
 */
public record RecoverySummary(FaultKind kind, int injected, List<Long> recoveredMillis) {

    public RecoverySummary {
        recoveredMillis = recoveredMillis.stream().sorted().toList();
    }

    /** The median (lower middle for an even count); empty when none recovered. */
    public OptionalLong p50() {
        return recoveredMillis.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(recoveredMillis.get((recoveredMillis.size() - 1) / 2));
    }

    public OptionalLong max() {
        return recoveredMillis.isEmpty() ? OptionalLong.empty() : OptionalLong.of(recoveredMillis.get(recoveredMillis.size() - 1));
    }

    /** One summary per kind that has injected faults, in kind order. */
    public static List<RecoverySummary> of(List<FaultRecord> faults) {
        Map<FaultKind, List<FaultRecord>> byKind = new EnumMap<>(FaultKind.class);
        for (FaultRecord fault : faults) {
            if (fault.injected()) {
                byKind.computeIfAbsent(fault.planned().kind(), k -> new ArrayList<>()).add(fault);
            }
        }
        List<RecoverySummary> summaries = new ArrayList<>();
        byKind.forEach((kind, records) -> {
            List<Long> times = new ArrayList<>();
            for (FaultRecord record : records) {
                record.recoveryMillis().ifPresent(times::add);
            }
            summaries.add(new RecoverySummary(kind, records.size(), times));
        });
        return summaries;
    }
}
