package io.streamstress.chaos.plan;

import java.time.Duration;
import java.util.Locale;

/** When a planned fault is due. A fault also waits for a checkpoint completed since the previous fault. */
public sealed interface FaultTrigger {

    /** As soon as the previous fault's checkpoint condition allows. */
    record Asap() implements FaultTrigger {
        @Override
        public String toString() {
            return "asap";
        }
    }

    /** At a time since the pipeline started (the first record sent). */
    record AtTime(Duration sinceStart) implements FaultTrigger {
        public AtTime {
            if (sinceStart.isNegative()) {
                throw new IllegalArgumentException("a fault time cannot be negative");
            }
        }

        @Override
        public String toString() {
            return sinceStart.toMillis() % 1000 == 0 ? sinceStart.toSeconds() + "s" : sinceStart.toMillis() + "ms";
        }
    }

    /** When this fraction of the messages has been committed. */
    record AtProgress(double fraction) implements FaultTrigger {
        public AtProgress {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("a fault progress must be in [0%, 100%), was " + fraction * 100 + "%");
            }
        }

        /**
         * The message position this fraction stands for, for {@code messages} messages: the one number that
         * the producer's hold, the poison placement and the director's due check all use.
         */
        public long position(long messages) {
            return (long) (fraction * messages);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
        }
    }

    /**
     * Parses the part after {@code @}: {@code 30s}, {@code 500ms}, {@code 2m} or {@code 40%}.
     *
     * @throws IllegalArgumentException saying which forms are allowed
     */
    static FaultTrigger parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("%")) {
                return new AtProgress(Double.parseDouble(t.substring(0, t.length() - 1)) / 100.0);
            }
            if (t.endsWith("ms")) {
                return new AtTime(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            if (t.endsWith("s")) {
                return new AtTime(Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000)));
            }
            if (t.endsWith("m")) {
                return new AtTime(Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60)));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'@" + text + "' is not a fault time: use e.g. @30s, @500ms, @2m or @40%");
    }
}
