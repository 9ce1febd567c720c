package io.streamstress.kafka.broker;

import java.util.ArrayList;
import java.util.List;

/** Hands out {@code rigged} as its candidate number {@code at} (from 0), free ports otherwise; keeps them. */
final class RiggedPortPicker implements PortPicker {
    private final int at;
    private final int rigged;
    private final List<Integer> handedOut = new ArrayList<>();

    RiggedPortPicker(int at, int rigged) {
        this.at = at;
        this.rigged = rigged;
    }

    @Override
    public synchronized int pick(String host) {
        int port = handedOut.size() == at ? rigged : PortPicker.free().pick(host);
        handedOut.add(port);
        return port;
    }

    synchronized List<Integer> handedOut() {
        return List.copyOf(handedOut);
    }
}
