/**
 * The benchmark behind {@code stress-scripts/bench.sh}: streamstress measured side by side with Kafka's own
 * perf tools and a bare Flink job on one embedded broker, each contestant in its own JVM, and the scale run.
 * Nothing here is run by {@code mvn verify} as a timed test.
 */
package io.streamstress.runner.bench;
