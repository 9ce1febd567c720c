package io.streamstress.chaos.proxy;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * What every connection of one proxy shares.
 *
 * @param name the proxy's name, for logs
 * @param upstream where connections go
 * @param toxics the toxics switched on
 * @param counters the proxy's counters
 * @param connections the open connections (a concurrent set: connections add and remove themselves)
 */
record ProxyContext(String name, InetSocketAddress upstream, Toxics toxics, Counters counters,
        Set<Connection> connections) {}
