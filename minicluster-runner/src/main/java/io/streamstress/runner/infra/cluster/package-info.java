/**
 * The Flink cluster a run's job runs on, behind one interface ({@link FlinkCluster}): the embedded MiniCluster,
 * a local session cluster of JobManager and TaskManager processes the jar starts, or a user's own session
 * cluster reached by REST. The run, the chaos director and the watcher never know which one they have.
 */
package io.streamstress.runner.infra.cluster;
