/** The stress job: its topology and the glue between the Kafka records and the Redis sink. */
package io.streamstress.runner.job;
