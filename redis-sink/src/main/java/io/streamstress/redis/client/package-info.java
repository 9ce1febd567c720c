/** Lettuce connections configured the way the sink, the verifier and the probes need them. */
package io.streamstress.redis.client;
