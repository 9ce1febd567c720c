package io.streamstress.runner.config;

import java.util.Locale;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** The sink's delivery guarantee, by the names {@code --delivery} takes. */
public enum Delivery {
    EXACTLY_ONCE("exactly-once", DeliveryGuarantee.EXACTLY_ONCE),
    AT_LEAST_ONCE("at-least-once", DeliveryGuarantee.AT_LEAST_ONCE);

    private final String cliName;
    private final DeliveryGuarantee guarantee;

    Delivery(String cliName, DeliveryGuarantee guarantee) {
        this.cliName = cliName;
        this.guarantee = guarantee;
    }

    public DeliveryGuarantee guarantee() {
        return guarantee;
    }

    public static Delivery parse(String text) {
        for (Delivery delivery : values()) {
            if (delivery.cliName.equals(text.toLowerCase(Locale.ROOT))) {
                return delivery;
            }
        }
        throw new IllegalArgumentException("unknown delivery '" + text + "': use exactly-once or at-least-once");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
