/** Topic administration: creating the load topic, reading its end offsets, checking reachability. */
package io.streamstress.kafka.topic;
