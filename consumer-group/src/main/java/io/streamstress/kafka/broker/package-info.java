/**
 * The embedded, in-process KRaft broker used when no external Kafka is given, and a cluster of three such nodes whose
 * brokers can be killed and restarted.
 */
package io.streamstress.kafka.broker;
