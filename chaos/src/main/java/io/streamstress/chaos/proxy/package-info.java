/**
 * An in-process TCP fault proxy: {@link io.streamstress.chaos.proxy.FaultProxy} listens on 127.0.0.1, relays
 * every connection to one upstream (Redis, a Kafka broker listener) and applies toxics, named after
 * Toxiproxy's, on demand: a blackhole (traffic hangs, connections stay open), latency on the upstream's
 * replies, a reset of every connection (TCP RST), and the loss of the reply to one chosen request.
 *
 * <p>Netty runs it on two NIO threads (one accepts, one relays); the upstream side of a connection shares the
 * client side's event loop, so a connection's state is confined to one thread.
 */
package io.streamstress.chaos.proxy;
