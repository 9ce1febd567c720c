package io.streamstress.runner.observe;

import java.util.Map;
import java.util.OptionalLong;

/** Fixed figures, for the pure logic that reads a {@link LiveStatus}. */
record TestingLiveStatus(long produced, long processed, long committed, OptionalLong lag, long behindScheduleMillis,
        long checkpointsCompleted, long lastCheckpointId, long checkpointsFailed, Map<String, Long> faultsInjected,
        Map<String, Long> lastRecoveryMillis) implements LiveStatus {}
