package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.FaultKind;

/**
 * A fault that was actually injected.
 *
 * @param kind what was done
 * @param subtask the subtask hit
 * @param attempt the attempt number of that subtask when it was hit
 * @param injectedAtMillis wall clock of the injection (T0)
 * @param recordsSinceCheckpoint records the subtask had processed since its last checkpoint barrier
 */
public record InjectedFault(FaultKind kind, int subtask, int attempt, long injectedAtMillis, long recordsSinceCheckpoint) {}
