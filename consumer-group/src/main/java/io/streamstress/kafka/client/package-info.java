/**
 * The Kafka client settings a user gives every client of a run (security: SASL, TLS), as Kafka's own tools take
 * them from {@code --command-config}.
 */
package io.streamstress.kafka.client;
