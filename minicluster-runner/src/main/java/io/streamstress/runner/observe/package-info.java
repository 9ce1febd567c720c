/**
 * What the harness watches while a run goes on: the live figures ({@link io.streamstress.runner.observe.LiveStatus}),
 * their per-second record, consumer lag, commit latency, and the Prometheus endpoints that serve them.
 */
package io.streamstress.runner.observe;
