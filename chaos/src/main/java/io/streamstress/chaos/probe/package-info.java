/**
 * The probe channel: how the job's {@link io.streamstress.chaos.inject.ChaosTap}s tell the harness what they
 * saw (records processed, latencies, first records of attempts, injected failures, poison reads) and how the
 * harness arms a subtask to throw. The task side is a {@link io.streamstress.chaos.probe.ProbeChannel} the tap
 * carries (serializable, opened per subtask attempt); the harness side is a
 * {@link io.streamstress.chaos.probe.ProbeReader}. Two implementations: in-JVM statics
 * ({@link io.streamstress.chaos.probe.jvm}), for an embedded MiniCluster that shares the harness's JVM, and Redis
 * ({@link io.streamstress.chaos.probe.redis}), for tasks in other processes.
 */
package io.streamstress.chaos.probe;
