package io.streamstress.runner.config;

import io.streamstress.redis.sink.CounterDelivery;
import java.util.Locale;

/**
 * The sink's delivery, by the names {@code --delivery} takes: the exactly-once sink under test, or one of the
 * two negative controls that must FAIL under chaos, at-least-once with duplicates and at-most-once with loss.
 */
public enum Delivery {
    EXACTLY_ONCE("exactly-once", CounterDelivery.EXACTLY_ONCE),
    AT_LEAST_ONCE("at-least-once", CounterDelivery.AT_LEAST_ONCE),
    AT_MOST_ONCE("at-most-once", CounterDelivery.AT_MOST_ONCE);

    private final String cliName;
    private final CounterDelivery sinkDelivery;

    Delivery(String cliName, CounterDelivery sinkDelivery) {
        this.cliName = cliName;
        this.sinkDelivery = sinkDelivery;
    }

    /** What to give the sink builder. */
    public CounterDelivery sinkDelivery() {
        return sinkDelivery;
    }

    public static Delivery parse(String text) {
        for (Delivery delivery : values()) {
            if (delivery.cliName.equals(text.toLowerCase(Locale.ROOT))) {
                return delivery;
            }
        }
        throw new IllegalArgumentException(
                "unknown delivery '" + text + "': use exactly-once, at-least-once or at-most-once");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
