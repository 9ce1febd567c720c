package io.streamstress.kafka.producer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the offered load changes over time: windows of the run, each with its own rate, e.g.
 * {@code 0s-30s:5000,30s-60s:300%,60s-90s:burst}. A rate is messages per second, a percentage of the base
 * rate ({@code --rate}), or {@code burst} (no limit: as fast as the broker takes them). Outside every window
 * the base rate applies. Times count from the first send. Immutable; {@link #parse} rejects overlapping,
 * empty or reversed windows with a message that says which.
 *
 * @param windows the windows, sorted by start, not overlapping
 */
public record TrafficPattern(List<Window> windows) {

    /** No windows: the base rate all along. */
    public static final TrafficPattern NONE = new TrafficPattern(List.of());

    private static final Pattern WINDOW = Pattern.compile("(\\d+)(ms|s|m)-(\\d+)(ms|s|m):(\\d+%?|burst)");

    /**
     * One window of the pattern.
     *
     * @param startMillis where it starts, ms after the first send (inclusive)
     * @param endMillis where it ends (exclusive)
     * @param rate messages per second, or the percentage of the base rate when {@code percent}; ignored for a burst
     * @param percent whether {@code rate} is a percentage of the base rate
     * @param burst no limit in this window
     */
    public record Window(long startMillis, long endMillis, long rate, boolean percent, boolean burst) {

        public Window {
            if (startMillis < 0 || endMillis <= startMillis) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "traffic window %d ms-%d ms is empty or reversed: its end must be after its start",
                        startMillis, endMillis));
            }
            if (!burst && rate <= 0) {
                throw new IllegalArgumentException("traffic window rate must be positive, was " + rate);
            }
        }

        /** Messages per second in this window given the base rate; 0 for no limit. */
        long ratePerSecond(long baseRate) {
            if (burst) {
                return 0;
            }
            return percent ? Math.max(1, baseRate * rate / 100) : rate;
        }

        @Override
        public String toString() {
            return startMillis + "ms-" + endMillis + "ms:" + (burst ? "burst" : rate + (percent ? "%" : ""));
        }
    }

    public TrafficPattern {
        windows = List.copyOf(windows);
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).startMillis() < windows.get(i - 1).endMillis()) {
                throw new IllegalArgumentException("traffic windows " + windows.get(i - 1) + " and " + windows.get(i)
                        + " overlap: give each instant at most one rate");
            }
        }
    }

    /**
     * Parses {@code start-end:rate[,…]} with times like {@code 500ms}, {@code 30s}, {@code 2m} and rates like
     * {@code 5000}, {@code 300%} or {@code burst}; "none" or blank for no windows.
     *
     * @throws IllegalArgumentException with a message naming the bad window
     */
    public static TrafficPattern parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Window> windows = new ArrayList<>();
        for (String part : spec.split(",")) {
            Matcher m = WINDOW.matcher(part.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("traffic window '" + part.trim()
                        + "' is not START-END:RATE, e.g. 0s-30s:5000, 30s-60s:300% or 60s-90s:burst");
            }
            long start = millis(m.group(1), m.group(2));
            long end = millis(m.group(3), m.group(4));
            String rate = m.group(5);
            boolean burst = rate.equals("burst");
            boolean percent = rate.endsWith("%");
            long value = burst ? 0 : Long.parseLong(percent ? rate.substring(0, rate.length() - 1) : rate);
            windows.add(new Window(start, end, value, percent, burst));
        }
        windows.sort(Comparator.comparingLong(Window::startMillis));
        return new TrafficPattern(windows);
    }

    private static long millis(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "ms" -> n;
            case "s" -> n * 1_000;
            default -> n * 60_000;
        };
    }

    public boolean isEmpty() {
        return windows.isEmpty();
    }

    /** Whether a window is a percentage of the base rate (which must then be set). */
    public boolean needsBaseRate() {
        return windows.stream().anyMatch(Window::percent);
    }

    /** Whether sending is ever limited with this pattern over {@code baseRate}: a base rate, or a window with a rate. */
    public boolean limitsRate(long baseRate) {
        return baseRate > 0 || windows.stream().anyMatch(w -> !w.burst());
    }

    /** Where the last window ends, ms after the first send (0 without windows). */
    public long endMillis() {
        return windows.isEmpty() ? 0 : windows.get(windows.size() - 1).endMillis();
    }

    /** Messages per second at {@code elapsedMillis} after the first send; 0 for no limit. */
    public long ratePerSecondAt(long elapsedMillis, long baseRate) {
        for (Window window : windows) {
            if (elapsedMillis < window.startMillis()) {
                break;
            }
            if (elapsedMillis < window.endMillis()) {
                return window.ratePerSecond(baseRate);
            }
        }
        return baseRate;
    }

    @Override
    public String toString() {
        return windows.isEmpty() ? "none" : String.join(",", windows.stream().map(Window::toString).toList());
    }
}
