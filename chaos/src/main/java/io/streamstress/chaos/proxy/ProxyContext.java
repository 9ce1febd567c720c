package io.streamstress.chaos.proxy;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every connection of one proxy shares.
 *
 * @param name the proxy's name, for logs
 * @param target where connections go; empty until {@link FaultProxy#forwardTo} names it
 * @param toxics the toxics switched on
 * @param counters the proxy's counters
 * @param connections the open connections (a concurrent set: connections add and remove themselves)
 */
record ProxyContext(String name, AtomicReference<InetSocketAddress> target, Toxics toxics, Counters counters,
        Set<Connection> connections) {

    /** Where connections go now; null before the upstream is known. */
    InetSocketAddress upstream() {
        return target.get();
    }
}
