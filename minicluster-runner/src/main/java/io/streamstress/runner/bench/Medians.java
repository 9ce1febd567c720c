package io.streamstress.runner.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medians of named figures over rounds. */
final class Medians {

    private Medians() {}

    /** The median of {@code values}: the middle one, or the mean of the two middle ones. */
    static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Per figure name (in the first round's order), the median over the rounds that have it. */
    static Map<String, Double> byName(List<Map<String, Double>> rounds) {
        Map<String, Double> medians = new LinkedHashMap<>();
        if (rounds.isEmpty()) {
            return medians;
        }
        for (String name : rounds.get(0).keySet()) {
            medians.put(name, of(rounds.stream().filter(r -> r.containsKey(name)).map(r -> r.get(name)).toList()));
        }
        return medians;
    }
}
