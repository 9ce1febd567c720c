/** The load message and its wire format, shared by the producer and the source. */
package io.streamstress.kafka.record;
