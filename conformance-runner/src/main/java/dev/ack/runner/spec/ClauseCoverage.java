package dev.ack.runner.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * How the suite covers one clause of the spec. A numbered clause ({@code FB-23.2}) is checked by a
 * scenario only where a comment above one of the scenario's Then steps names it, {@code # FB-23.2}: a
 * comment naming its rule as a whole does not count, and neither does the rule's tag alone, so that a
 * clause no step checks cannot hide behind its rule's other clauses. A rule without numbered bullets is
 * one clause, checked by every scenario tagged with the rule. The doctor's checks name rules, so they
 * cover a protocol rule without numbered clauses only. A clause with an {@code Untested:} reason (its
 * own, or its rule's) is untested, whatever names it; the gate reports that contradiction.
 *
 * @param rule      the rule the clause belongs to
 * @param clause    the clause
 * @param numbered  whether the clause is a bullet of its rule, rather than the whole rule
 * @param how       what checks it
 * @param scenarios the IDs of the scenarios that check it, in the order of features/, each once
 */
public record ClauseCoverage(Rule rule, Clause clause, boolean numbered, How how, List<String> scenarios) {

    /** Whether a clause is checked, and by what. */
    public enum How {
        /** A scenario checks it. */
        SCENARIOS,
        /** The doctor checks it (protocol rules only). */
        DOCTOR,
        /** It says why the suite cannot check it. */
        UNTESTED,
        /** Nothing checks it and it gives no reason: the gate fails. */
        NONE
    }

    /** Every clause of the spec, in the spec's order, with how the features cover it. */
    public static List<ClauseCoverage> of(SpecIndex spec, FeatureIndex features) {
        List<ClauseCoverage> all = new ArrayList<>();
        for (Rule rule : spec.rules()) {
            List<Clause> clauses = SpecIndex.clauses(rule);
            boolean numbered = SpecIndex.numbered(rule);
            for (Clause clause : clauses) {
                List<String> scenarios = features.scenarios().stream()
                        .filter(s -> s.rules().contains(rule.id()))
                        .filter(s -> !numbered || s.thenSteps().stream().anyMatch(step -> step.clauses().contains(clause.id())))
                        .flatMap(s -> Tags.ids(s.tags()).stream().limit(1))
                        .distinct().toList();
                all.add(new ClauseCoverage(rule, clause, numbered, how(rule, clause, numbered, scenarios), scenarios));
            }
        }
        return all;
    }

    private static How how(Rule rule, Clause clause, boolean numbered, List<String> scenarios) {
        if (clause.untested()) return How.UNTESTED;
        if (!scenarios.isEmpty()) return How.SCENARIOS;
        if (!numbered && !rule.doctorChecks().isEmpty()) return How.DOCTOR;
        return How.NONE;
    }
}
