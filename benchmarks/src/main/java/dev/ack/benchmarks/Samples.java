package dev.ack.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure the table's rounds measured, by name, one value per round that measured it. */
final class Samples {
    private final Map<String, List<Double>> byName = new LinkedHashMap<>();

    void add(String name, double value) {
        byName.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    /** The values of {@code name}, in round order; empty if no round measured it. */
    List<Double> of(String name) {
        return byName.getOrDefault(name, List.of());
    }
}
