package io.streamstress.chaos.proxy;

import java.util.concurrent.atomic.LongAdder;

/** A proxy's running counters; {@link #snapshot} turns them into {@link ProxyStats}. */
final class Counters {

    final LongAdder accepted = new LongAdder();
    final LongAdder bytesToUpstream = new LongAdder();
    final LongAdder bytesToClients = new LongAdder();
    final LongAdder resets = new LongAdder();

    ProxyStats snapshot(int open) {
        return new ProxyStats(accepted.sum(), open, bytesToUpstream.sum(), bytesToClients.sum(), resets.sum());
    }
}
