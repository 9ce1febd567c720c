/**
 * The stress job: its topology ({@link io.streamstress.runner.job.StressJob}), the glue between the Kafka records
 * and the Redis sink, and how it is built wherever it runs: from a {@link io.streamstress.runner.job.JobSpec} as a
 * graph or on an environment ({@link io.streamstress.runner.job.StressJobGraph}), as a Flink program for
 * {@code flink run} ({@link io.streamstress.runner.job.StressJobMain}), and the jar a user's cluster needs for it
 * ({@link io.streamstress.runner.job.JobJar}).
 */
package io.streamstress.runner.job;
