package dev.ack.runner.report;

import dev.ack.runner.spec.Tags;
import dev.ack.runner.verdict.Verdict;

import java.util.List;

/**
 * One scenario's verdict with its stable ID, where it is written and which rules it checks.
 *
 * @param id the scenario's {@code @id:} tag (with {@code #n.m} for a row of an outline), stable across
 *           releases; its location when the feature file gives no ID
 */
public record ScenarioResult(String id, String name, String location, List<String> tags, List<String> rules,
                             Verdict verdict, String message, long durationMillis) {

    /** The scenario's chapter, from its {@code @chN} tag, or 0 when it has none. */
    public int chapter() {
        return Tags.chapter(tags).orElse(0);
    }

    /** The scenario's area, from its {@code @area:} tag, or "unknown". */
    public String area() {
        return Tags.area(tags).orElse("unknown");
    }
}
