package dev.ack.runner.spec;

import java.util.Optional;

/**
 * One numbered MUST of a rule, e.g. EQ-04.2: the unit a failure blames and the gate counts. A rule
 * written without clause bullets is one clause, named like the rule.
 *
 * @param untestedReason present when the suite cannot check this clause through the protocol
 */
public record Clause(String id, String text, String hint, Optional<String> untestedReason) {

    /** A rule without clause bullets, as its single clause. */
    public static Clause whole(Rule rule) {
        return new Clause(rule.id(), rule.text(), rule.hint(), rule.untestedReason());
    }

    /** {@code EQ-04} for the clause {@code EQ-04.2} (and for the rule itself). */
    public static String ruleOf(String clauseId) {
        int dot = clauseId.indexOf('.');
        return dot < 0 ? clauseId : clauseId.substring(0, dot);
    }

    public boolean untested() { return untestedReason.isPresent(); }
}
