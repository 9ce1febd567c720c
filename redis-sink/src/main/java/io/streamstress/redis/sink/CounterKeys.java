package io.streamstress.redis.sink;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a run's counters live in Redis, all under one prefix (e.g. {@code streamstress:<run>}):
 * <ul>
 *   <li>{@code <prefix>:count} hash, partition → records committed;</li>
 *   <li>{@code <prefix>:total} string, all records committed;</li>
 *   <li>{@code <prefix>:ranges:<partition>} list of {@code first-last} sequence ranges committed;</li>
 *   <li>{@code <prefix>:poison} hash, partition → poison records set aside;</li>
 *   <li>{@code <prefix>:next} hash, partition → the next sequence number not yet counted: every sequence below
 *       it is counted (the exactly-once high-water mark);</li>
 *   <li>{@code <prefix>:poison-next} hash, partition → the next poison offset not yet counted;</li>
 *   <li>{@code <prefix>:handled} hash, partition → the sequence number the at-most-once control has marked
 *       handled through (only that sink writes it; the verifier never reads it).</li>
 * </ul>
 */
public record CounterKeys(String prefix) implements Serializable {

    public CounterKeys {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank() || prefix.contains(" ")) {
            throw new IllegalArgumentException("key prefix must be non-blank and contain no spaces, was '" + prefix + "'");
        }
    }

    public String counts() {
        return prefix + ":count";
    }

    public String total() {
        return prefix + ":total";
    }

    public String poison() {
        return prefix + ":poison";
    }

    /** The exactly-once high-water marks: partition → the next sequence number not yet counted. */
    public String next() {
        return prefix + ":next";
    }

    /** The poison high-water marks: partition → the next Kafka offset of poison not yet counted. */
    public String poisonNext() {
        return prefix + ":poison-next";
    }

    public String handled() {
        return prefix + ":handled";
    }

    public String ranges(int partition) {
        return prefix + ":ranges:" + partition;
    }
}
