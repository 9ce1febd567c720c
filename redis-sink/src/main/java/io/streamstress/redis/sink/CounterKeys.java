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
 *   <li>{@code <prefix>:epoch} hash, writer subtask → last applied epoch (exactly-once marker);</li>
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

    public String epochs() {
        return prefix + ":epoch";
    }

    public String handled() {
        return prefix + ":handled";
    }

    public String ranges(int partition) {
        return prefix + ":ranges:" + partition;
    }
}
