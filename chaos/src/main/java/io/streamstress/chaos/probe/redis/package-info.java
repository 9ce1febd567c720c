/**
 * The Redis probe channel, for tasks in other processes (separate TaskManager JVMs, a user's cluster). Lettuce
 * directly; all keys under a prefix the harness gives.
 *
 * <p>Rules that keep it from slowing or corrupting the run: the task thread never writes per record nor
 * waits for Redis per record. Each attempt keeps local counters and histograms and sends them in one
 * asynchronous batch every ~100 ms (the clock is read every 256 records only), at every checkpoint barrier and,
 * with a bounded wait, when it closes. At most one batch per attempt is out at a time. Writes are idempotent,
 * so a lost or replayed one cannot skew the figures and the next batch corrects it: absolute per-attempt
 * totals ({@code HSET}), events written once ({@code HSETNX}) and kept until Redis confirmed them. Arming: the
 * harness increments a per-subtask counter; the attempt learns of it from the answer to its batches and takes
 * the arm with a small Lua script, only when it is about to throw, with a short bounded wait.
 */
package io.streamstress.chaos.probe.redis;
