package io.streamstress.chaos.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimedCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger fetches = new AtomicInteger();
    private final TimedCache<Integer> cache = new TimedCache<>("test", Duration.ofMillis(40), Duration.ofSeconds(1),
            nanos::get, -1);

    @Test
    void aValueIsKeptForTheKeepTime() {
        // Given
        assertThat(cache.get(fetches::incrementAndGet)).as("first").isEqualTo(1);

        // When asked again within 40 ms, then after
        nanos.addAndGet(Duration.ofMillis(39).toNanos());
        int within = cache.get(fetches::incrementAndGet);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        int after = cache.get(fetches::incrementAndGet);

        // Then
        assertThat(within).as("within the keep time").isEqualTo(1);
        assertThat(after).as("after it").isEqualTo(2);
        assertThat(cache.fresh(fetches::incrementAndGet)).as("fresh").isEqualTo(3);
    }

    @Test
    void afterAFailureTheLastValueIsServedWithoutFetchingForTheBackOff() {
        // Given a value, then Redis fails
        cache.get(() -> 7);
        nanos.addAndGet(Duration.ofMillis(50).toNanos());
        assertThat(cache.get(this::failing)).as("on the failure").isEqualTo(7);

        // When asked during the back-off
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        int during = cache.fresh(this::failing);

        // Then no fetch was tried
        assertThat(during).as("during the back-off").isEqualTo(7);
        assertThat(fetches.get()).as("fetches tried during the back-off").isEqualTo(1);

        // And after it, fetching resumes
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(cache.get(() -> 8)).as("after the back-off").isEqualTo(8);
    }

    @Test
    void clearingForgetsTheValue() {
        cache.get(() -> 7);
        cache.clear();
        assertThat(cache.get(() -> 9)).as("after clear").isEqualTo(9);
    }

    private Integer failing() throws IOException {
        fetches.incrementAndGet();
        throw new IOException("Redis stalled");
    }
}
