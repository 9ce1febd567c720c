/** The embedded, in-process KRaft broker used when no external Kafka is given. */
package io.streamstress.kafka.broker;
