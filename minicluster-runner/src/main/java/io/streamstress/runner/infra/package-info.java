/** Starting, checking and stopping what a run needs: run directory, Kafka, Redis, the MiniCluster. */
package io.streamstress.runner.infra;
