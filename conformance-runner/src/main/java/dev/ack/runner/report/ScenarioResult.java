package dev.ack.runner.report;

import java.util.List;

/** One scenario's verdict with where it is written and which rules it checks. */
public record ScenarioResult(String name, String location, List<String> tags, List<String> rules,
                             Verdict verdict, String message, long durationMillis) {

    /** The scenario's area, from its {@code @area:} tag, or "unknown". */
    public String area() {
        return tags.stream().filter(t -> t.startsWith("area:")).map(t -> t.substring(5)).findFirst().orElse("unknown");
    }
}
