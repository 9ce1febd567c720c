/** The job's Kafka source: offsets in checkpoint state, bounded by the producer's plan. */
package io.streamstress.kafka.source;
