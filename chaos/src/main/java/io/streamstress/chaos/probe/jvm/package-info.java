/**
 * The in-JVM probe channel: JVM statics shared by the taps and the harness, for an embedded MiniCluster that
 * runs the tasks in the harness's own JVM. The fastest channel (a counter increment per record, nothing sent
 * anywhere), and useless when the tasks run in other processes.
 */
package io.streamstress.chaos.probe.jvm;
