/** The load producer: which message goes where, and how fast. */
package io.streamstress.kafka.producer;
