package dev.ack.runner.report;

import dev.ack.runner.spec.Clause;
import dev.ack.runner.spec.Tags;
import dev.ack.runner.verdict.Verdict;

import java.util.List;
import java.util.Optional;

/**
 * One scenario's verdict with its stable ID, where it is written and which rules it checks.
 *
 * @param id      the scenario's {@code @id:} tag (with {@code #n.m} for a row of an outline), stable across
 *                releases; its location when the feature file gives no ID
 * @param message everything the failure said (what {@code --feedback full} shows)
 * @param cause   the part of it that reveals no expected value (an adapter fault, an error reply to a
 *                request the scenario needed), which every feedback level shows; empty otherwise
 * @param step    the first step that failed, when one did
 * @param startedMillis  when the scenario took the machine, in milliseconds since the run began
 *                       ({@link dev.ack.runner.verdict.MachineShare}); with {@code durationMillis}, its time on it
 * @param firstAttempt for a scenario retried because its first attempt was inconclusive, that attempt
 */
public record ScenarioResult(String id, String name, String location, List<String> tags, List<String> rules,
                             Verdict verdict, String message, String cause, Optional<FailedStep> step,
                             long startedMillis, long durationMillis, Optional<ScenarioResult> firstAttempt) {

    /**
     * For a retried scenario, what the reports say of it: "passed on retry; the first attempt was
     * inconclusive: …", with as much of the first attempt's message as {@code feedback} shows.
     */
    public Optional<String> retryNote(Feedback feedback) {
        return firstAttempt.map(first -> {
            String why = feedback.showsDetails() ? first.message() : feedback.showsHint() ? first.cause() : "";
            return verdict.wireName() + " on retry; the first attempt was " + first.verdict().wireName()
                    + (why.isBlank() ? "" : ": " + why);
        });
    }

    /** The scenario's chapter, from its {@code @chN} tag, or 0 when it has none. */
    public int chapter() {
        return Tags.chapter(tags).orElse(0);
    }

    /** The scenario's area, from its {@code @area:} tag; "protocol" for a scenario of the protocol's own rules, which has none. */
    public String area() {
        return Tags.area(tags).orElse("protocol");
    }

    /**
     * The clauses a failure blames: those the failed Then step's comment names (among the scenario's
     * rules), else every rule of the scenario; none when the scenario did not fail.
     */
    public List<String> blamedClauses() {
        if (verdict != Verdict.FAILED) return List.of();
        List<String> named = step.map(FailedStep::clauses).orElse(List.of()).stream()
                .filter(clause -> rules.contains(Clause.ruleOf(clause))).toList();
        return named.isEmpty() ? rules : named;
    }

    /** The rules a failure blames (see {@link #blamedClauses()}). */
    public List<String> blamedRules() {
        return blamedClauses().stream().map(Clause::ruleOf).distinct().toList();
    }
}
