package io.streamstress.redis.sink.internal;

import java.util.Arrays;

/** Numbers seen in order, kept as contiguous ranges {@code first0, last0, first1, last1, …} (mutable). */
final class Ranges {

    private long[] bounds = new long[4];
    private int size;

    void add(long number) {
        if (size > 0 && bounds[size - 1] + 1 == number) {
            bounds[size - 1] = number;
            return;
        }
        if (size == bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[size++] = number;
        bounds[size++] = number;
    }

    long[] bounds() {
        return Arrays.copyOf(bounds, size);
    }
}
