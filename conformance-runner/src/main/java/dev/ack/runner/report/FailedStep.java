package dev.ack.runner.report;

import java.util.List;

/**
 * The step at which a scenario went wrong, as Cucumber ran it: its phase (from the pickle step's type,
 * so an {@code And} after a {@code Then} is an outcome), its words and line, and the clauses it checks,
 * named by a comment such as {@code # EQ-04.2} directly above it.
 *
 * @param clauses clause or rule IDs from the comment above the step; empty when there is none
 */
public record FailedStep(Phase phase, String keyword, String text, long line, List<String> clauses) {

    /** Where in a scenario a step stands. */
    public enum Phase {
        /** The kit's own hook before the scenario: starting the adapter, {@code reset}. */
        SETUP,
        /** A Given step. */
        CONTEXT,
        /** A When step. */
        ACTION,
        /** A Then step: the assertion of the scenario's subject. */
        OUTCOME,
        /** After the scenario (attaching the transcript). */
        TEARDOWN
    }

    /** A hook's failure: no words of the feature file to show. */
    public static FailedStep hook(Phase phase) {
        return new FailedStep(phase, "", phase == Phase.SETUP ? "before the scenario (adapter start, reset)" : "after the scenario", 0, List.of());
    }

    /** "Then the poll reports token 4 (line 17)", or the hook's description. */
    public String describe() {
        return line == 0 ? text : keyword.strip() + " " + text + " (line " + line + ")";
    }

    /** Whether the step is the scenario's subject, so that its failure fails a rule. */
    public boolean outcome() { return phase == Phase.OUTCOME; }
}
